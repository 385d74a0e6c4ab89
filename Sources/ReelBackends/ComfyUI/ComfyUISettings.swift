/// How Reel drives a ComfyUI server, from the `comfyui:` block of film.yaml or the user config:
/// its URL, the workflows (API-format graph files) for each kind of job, the model files Reel's
/// own workflows load, and input mappings for workflows exported from ComfyUI that carry no
/// `{{placeholders}}`.
public struct ComfyUISettings: Sendable, Hashable, Codable {
    public static let defaultURL = "http://127.0.0.1:8188"
    /// The kinds of workflow Reel runs.
    public static let workflowKinds = ["txt2img", "img2img", "img2video", "lipsync"]

    public var url: String
    /// A pool's servers (`servers: [URL, …]`), one backend made of many; empty for `url`'s one.
    public var servers: [String]
    /// Workflow files by kind, as written (relative to the film file's folder, or absolute).
    public var workflows: [String: String]
    /// Input mappings by workflow kind: placeholder name → `node_id.input` paths; `""` for all.
    public var inputs: [String: [String: [String]]]
    /// Model and sampler settings that fill `{{checkpoint}}`, `{{steps}}` and friends.
    public var models: [String: String]
    /// Whether a file had a `comfyui:` block at all.
    public var configured: Bool

    /// Every server the backend runs on: the pool's, or the one `url` names.
    public var serverURLs: [String] { servers.isEmpty ? [url] : servers }

    public init(
        url: String = ComfyUISettings.defaultURL, servers: [String] = [], workflows: [String: String] = [:],
        inputs: [String: [String: [String]]] = [:], models: [String: String] = [:], configured: Bool = false
    ) {
        self.url = url
        self.servers = servers
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

    /// Every key a `comfyui:` block may have.
    static let keys = ["url", "servers", "workflows", "inputs"] + modelKeys

    /// Reel's placeholder names, which `inputs:` maps onto a workflow's nodes.
    static let placeholderNames = [
        "prompt", "negative", "seed", "width", "height", "batch_size", "init_image", "denoise", "frames", "fps",
        "motion", "video", "audio",
    ]
}
