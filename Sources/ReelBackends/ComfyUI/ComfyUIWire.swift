import Foundation
import ReelKit

/// ComfyUI's HTTP API exactly as a real server (0.3.64) speaks it; see
/// `comfyui-protocol.md` in the shared reference for captured examples. Field names follow the
/// wire, hence the snake case.
enum ComfyUIWire {
    /// POST /prompt. Reel chooses the `prompt_id`, so a retried submit overwrites instead of
    /// queueing the same work twice.
    struct PromptRequest: Encodable {
        var prompt: [String: JSONValue]
        var client_id: String
        var prompt_id: String
    }

    /// 200 from POST /prompt.
    struct PromptAccepted: Decodable {
        var prompt_id: String
        var number: Int?
    }

    /// 400 from POST /prompt: always `error`, and `node_errors` filled only for
    /// `prompt_outputs_failed_validation`.
    struct PromptRejected: Decodable {
        var error: ErrorInfo?
        var node_errors: [String: NodeErrors]?
    }

    struct ErrorInfo: Decodable {
        var type: String?
        var message: String?
        var details: String?
        var extra_info: ExtraInfo?
    }

    struct ExtraInfo: Decodable {
        var input_name: String?
    }

    struct NodeErrors: Decodable {
        var errors: [ErrorInfo]
        var class_type: String?
        var dependent_outputs: [String]?
    }

    /// One entry of GET /history/{prompt_id}, which answers `{prompt_id: entry}` (or `{}`).
    struct HistoryEntry: Decodable {
        var outputs: [String: NodeOutput]?
        var status: HistoryStatus?
    }

    struct HistoryStatus: Decodable {
        var status_str: String?
        var completed: Bool?
        /// `[[event_type, data], …]`: execution_start, execution_cached, execution_success,
        /// execution_error, execution_interrupted.
        var messages: [[JSONValue]]?
    }

    /// What an output node wrote. SaveImage lists `images`; video nodes list theirs under
    /// `images` (with `animated`), `gifs` or `videos` depending on the node.
    struct NodeOutput: Decodable {
        var images: [FileReference]?
        var gifs: [FileReference]?
        var videos: [FileReference]?

        var files: [FileReference] { (images ?? []) + (gifs ?? []) + (videos ?? []) }
    }

    /// A file on the server: fetch it with GET /view, never open `filename` as a path.
    struct FileReference: Decodable, Hashable {
        var filename: String
        var subfolder: String?
        var type: String?
    }

    /// 200 from POST /upload/image.
    struct Uploaded: Decodable {
        var name: String
        var subfolder: String?
        var type: String?
    }

    /// The data of an `execution_error` event (in history messages and on the websocket).
    struct ExecutionError: Decodable {
        var prompt_id: String?
        var node_id: String?
        var node_type: String?
        var exception_message: String?
        var exception_type: String?
    }

    struct InterruptRequest: Encodable {
        var prompt_id: String
    }

    struct QueueDelete: Encodable {
        var delete: [String]
    }
}
