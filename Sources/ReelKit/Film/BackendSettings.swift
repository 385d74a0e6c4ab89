/// Settings of the backends, from the film file's `comfyui:`, `a1111:` and `camera:` blocks.
/// Absent blocks mean the defaults (a server on this machine at the usual port).
public struct BackendSettings: Sendable, Hashable, Codable {
    public var comfyui: ComfyUISettings
    public var a1111: A1111Settings
    public var camera: CameraSettings

    public init(
        comfyui: ComfyUISettings = ComfyUISettings(), a1111: A1111Settings = A1111Settings(),
        camera: CameraSettings = CameraSettings()
    ) {
        self.comfyui = comfyui
        self.a1111 = a1111
        self.camera = camera
    }
}

/// How Reel drives a ComfyUI server: its URL, the workflows (API-format graph files) for each
/// kind of job, the model files Reel's own workflows load, and input mappings for workflows
/// exported from ComfyUI that carry no `{{placeholders}}`.
public struct ComfyUISettings: Sendable, Hashable, Codable {
    public static let defaultURL = "http://127.0.0.1:8188"
    /// The kinds of workflow Reel runs.
    public static let workflowKinds = ["txt2img", "img2img", "img2video"]

    public var url: String
    /// Workflow files by kind, as written (relative to the film file's folder, or absolute).
    public var workflows: [String: String]
    /// Input mappings by workflow kind: placeholder name → `node_id.input` paths.
    public var inputs: [String: [String: [String]]]
    /// Model and sampler settings that fill `{{checkpoint}}`, `{{steps}}` and friends.
    public var models: [String: String]
    /// Whether the film file had a `comfyui:` block at all.
    public var configured: Bool

    public init(
        url: String = ComfyUISettings.defaultURL, workflows: [String: String] = [:],
        inputs: [String: [String: [String]]] = [:], models: [String: String] = [:], configured: Bool = false
    ) {
        self.url = url
        self.workflows = workflows
        self.inputs = inputs
        self.models = models
        self.configured = configured
    }

    /// The settings keys that name model files or sampler settings.
    public static let modelKeys = [
        "checkpoint", "video_model", "text_encoder", "vae", "clip_vision", "steps", "cfg", "sampler", "scheduler",
        "video_steps", "video_cfg", "video_fps", "max_frames",
    ]
}

/// How Reel drives an AUTOMATIC1111 / Forge server (started with `--api`).
public struct A1111Settings: Sendable, Hashable, Codable {
    public static let defaultURL = "http://127.0.0.1:7860"

    public var url: String
    public var steps: Int?
    public var sampler: String?
    public var cfgScale: Double?
    public var configured: Bool

    public init(
        url: String = A1111Settings.defaultURL, steps: Int? = nil, sampler: String? = nil, cfgScale: Double? = nil,
        configured: Bool = false
    ) {
        self.url = url
        self.steps = steps
        self.sampler = sampler
        self.cfgScale = cfgScale
        self.configured = configured
    }
}
