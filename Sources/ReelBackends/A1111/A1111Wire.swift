import Foundation
import ReelKit

/// AUTOMATIC1111 / Forge's `/sdapi/v1` API as on the wire (modules/api/models.py); snake case
/// as the server spells it. Optional fields are left out so the server's defaults apply.
enum A1111Wire {
    /// POST /sdapi/v1/txt2img, and with `init_images` and `denoising_strength` /img2img.
    struct GenerateRequest: Encodable {
        var prompt: String
        var negative_prompt: String
        var seed: Int64
        var width: Int
        var height: Int
        var batch_size: Int
        var n_iter: Int = 1
        var steps: Int?
        var cfg_scale: Double?
        var sampler_name: String?
        var send_images = true
        var save_images = false
        var init_images: [String]?
        var denoising_strength: Double?
        /// Extensions' arguments by script name (`Regional Prompter`, `controlnet`).
        var alwayson_scripts: [String: JSONValue]?
        /// `{"sd_model_checkpoint": …}` runs the job on that checkpoint; kept loaded afterwards
        /// (`override_settings_restore_afterwards: false`), so the next job asking for it is quick.
        var override_settings: [String: String]?
        var override_settings_restore_afterwards: Bool?
    }

    /// One entry of GET /sdapi/v1/sd-models (modules/api/models.py SDModelItem).
    struct SDModel: Decodable {
        var title: String
        var model_name: String?
        var filename: String?
    }

    /// The part of GET /sdapi/v1/options Reel reads: the checkpoint loaded now.
    struct Options: Decodable {
        var sd_model_checkpoint: String?
    }

    /// Both endpoints: base64 images and `info`, a JSON document inside a string.
    struct GenerateResponse: Decodable {
        var images: [String]?
        var info: String?
    }

    /// The part of `info` Reel reads: the seed of every image.
    struct Info: Decodable {
        var seed: Int64?
        var all_seeds: [Int64]?
    }

    /// GET /sdapi/v1/progress?skip_current_image=true
    struct Progress: Decodable {
        var progress: Double?
        var eta_relative: Double?
        var textinfo: String?
    }

    /// Errors: FastAPI's `{"detail": …}`, or the webui's `{"error", "detail", "body", "errors"}`.
    struct ErrorBody: Decodable {
        var error: String?
        var detail: JSONValue?
        var errors: String?
    }
}
