import Foundation
import ReelBackends
import ReelKit
import ReelMedia
import ReelTesting
import ReelTestingServers

/// An AUTOMATIC1111 webui started with `--api`: /sdapi/v1/txt2img and /img2img answer base64
/// PNGs and `info` as a JSON string (seeds = seed + index, as the webui numbers a batch),
/// /progress reports, /interrupt stops a held job. Bodies are checked like FastAPI's pydantic
/// models: a wrong type is a 422 with `detail`.
actor FakeA1111 {
    enum ImageMode: Sendable { case png, truncated, notBase64 }

    private(set) var bodies: [JSONValue] = []
    private(set) var interrupts = 0
    private(set) var progressPolls = 0
    var faults: [String: [TestServerResponse]] = [:]
    var imageMode = ImageMode.png
    /// Generation blocks until /interrupt.
    var hold = false
    private var holders: [CheckedContinuation<Void, Never>] = []
    private var runningWaiters: [CheckedContinuation<Void, Never>] = []

    /// Installed extensions: "regional prompter" in /sdapi/v1/scripts, ControlNet's models.
    var regionalPrompter = false
    var controlNetModels: [String]?

    func set(regionalPrompter: Bool, controlNetModels: [String]?) {
        self.regionalPrompter = regionalPrompter
        self.controlNetModels = controlNetModels
    }
    /// Checkpoint titles (/sdapi/v1/sd-models) and the loaded one (/sdapi/v1/options).
    var checkpoints = ["v1-5-pruned-emaonly.safetensors [6ce0161689]"]
    var loaded = "v1-5-pruned-emaonly.safetensors [6ce0161689]"
    /// How often a job had to load another checkpoint first.
    private(set) var loads = 0

    func set(faults: [String: [TestServerResponse]]) { self.faults = faults }
    func set(checkpoints: [String], loaded: String) {
        self.checkpoints = checkpoints
        self.loaded = loaded
    }
    func set(imageMode: ImageMode) { self.imageMode = imageMode }
    func set(hold: Bool) { self.hold = hold }

    func waitForRunningJob() async {
        if !holders.isEmpty { return }
        await withCheckedContinuation { runningWaiters.append($0) }
    }

    func handle(_ request: TestServerRequest) async -> TestServerResponse {
        if var canned = faults[request.path], !canned.isEmpty {
            let answer = canned.removeFirst()
            faults[request.path] = canned
            return answer
        }
        switch (request.method, request.path) {
        case ("POST", "/sdapi/v1/txt2img"), ("POST", "/sdapi/v1/img2img"):
            return await generate(request)
        case ("GET", "/sdapi/v1/progress"):
            progressPolls += 1
            return .json(
                #"{"progress": 0.5, "eta_relative": 3.2, "state": {"job": "", "sampling_step": 10, "sampling_steps": 20}, "current_image": null, "textinfo": "step 10 of 20"}"#
            )
        case ("POST", "/sdapi/v1/interrupt"):
            interrupts += 1
            holders.forEach { $0.resume() }
            holders = []
            return .json("{}")
        case ("GET", "/sdapi/v1/scripts"):
            let names =
                ["prompt matrix", "x/y/z plot"] + (regionalPrompter ? ["regional prompter"] : [])
                + (controlNetModels == nil ? [] : ["controlnet"])
            let list = JSONValue.array(names.map { .string($0) })
            return .json(value: JSONValue.object(["txt2img": list, "img2img": list]))
        case ("GET", "/controlnet/model_list"):
            guard let models = controlNetModels else { return .json(#"{"detail": "Not Found"}"#, status: 404) }
            return .json(value: JSONValue.object(["model_list": .array(models.map { .string($0) })]))
        case ("GET", "/sdapi/v1/options"):
            return .json(value: ["sd_model_checkpoint": loaded])
        case ("GET", "/sdapi/v1/sd-models"):
            let models = checkpoints.map { title -> JSONValue in
                let file = String(title.split(separator: " ").first ?? "")
                return .object([
                    "title": .string(title), "model_name": .string(String(file.split(separator: ".").first ?? "")),
                    "filename": .string("/models/Stable-diffusion/" + file), "hash": .null, "sha256": .null,
                    "config": .null,
                ])
            }
            return .json(value: JSONValue.array(models))
        default:
            return .json(#"{"detail": "Not Found"}"#, status: 404)
        }
    }

    private func generate(_ request: TestServerRequest) async -> TestServerResponse {
        guard let body = try? JSONDecoder().decode(JSONValue.self, from: request.body) else {
            return .json(
                #"{"detail": [{"loc": ["body"], "msg": "invalid json", "type": "value_error.jsondecode"}]}"#,
                status: 422)
        }
        for key in ["seed", "width", "height", "batch_size"] where body[key] != nil && body[key]?.int == nil {
            return .json(
                #"{"detail": [{"loc": ["body", "\#(key)"], "msg": "value is not a valid integer", "type": "type_error.integer"}]}"#,
                status: 422)
        }
        // As the webui does: an override names a checkpoint by title or file name, or fails.
        if let wanted = body["override_settings"]?["sd_model_checkpoint"]?.string {
            guard let title = checkpoints.first(where: { $0 == wanted || $0.hasPrefix(wanted + " ") }) else {
                return .json(#"{"error": "RuntimeError", "detail": "model not found"}"#, status: 500)
            }
            if title != loaded { loads += 1 }
            if body["override_settings_restore_afterwards"] == .bool(false) { loaded = title }
        }
        bodies.append(body)
        if hold {
            await withCheckedContinuation { continuation in
                holders.append(continuation)
                runningWaiters.forEach { $0.resume() }
                runningWaiters = []
            }
            return .json(#"{"images": [], "parameters": {}, "info": "{}"}"#)
        }
        let seed = body["seed"]?.int ?? 0
        let count = body["batch_size"]?.int ?? 1
        let width = min(body["width"]?.int ?? 8, 64)
        let height = min(body["height"]?.int ?? 8, 64)
        let images: [String] = (0..<count).map { index in
            let png =
                (try? RGBAImage(
                    width: width, height: height, fill: (UInt8(truncatingIfNeeded: seed + index), 9, 9, 255)
                ).encoded(as: .png)) ?? Data()
            switch imageMode {
            case .png: return png.base64EncodedString()
            case .truncated: return png.prefix(png.count / 2).base64EncodedString()
            case .notBase64: return "<!doctype html>"
            }
        }
        let seeds = (0..<count).map { seed + $0 }
        let info = #"{"prompt": "", "seed": \#(seed), "all_seeds": \#(seeds), "subseed": 1}"#
        return .json(
            value: JSONValue.object([
                "images": .array(images.map { .string($0) }), "parameters": .object([:]), "info": .string(info),
            ]))
    }
}
