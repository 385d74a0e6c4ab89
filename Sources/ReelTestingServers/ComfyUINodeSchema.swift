/// The node classes the fake ComfyUI knows, with their required inputs and which are INT, as
/// the real server's /object_info describes them. Enough for Reel's default workflows and the
/// weight-free graphs a real server runs on CPU.
public enum ComfyUINodeSchema {
    public struct NodeClass: Sendable {
        public var required: [String]
        public var ints: Set<String> = []
        public var output = false
    }

    public static let classes: [String: NodeClass] = [
        "CheckpointLoaderSimple": NodeClass(required: ["ckpt_name"]),
        "CLIPTextEncode": NodeClass(required: ["text", "clip"]),
        "EmptyLatentImage": NodeClass(
            required: ["width", "height", "batch_size"], ints: ["width", "height", "batch_size"]),
        "KSampler": NodeClass(
            required: [
                "model", "seed", "steps", "cfg", "sampler_name", "scheduler", "positive", "negative", "latent_image",
                "denoise",
            ],
            ints: ["seed", "steps"]),
        "VAEDecode": NodeClass(required: ["samples", "vae"]),
        "VAEEncode": NodeClass(required: ["pixels", "vae"]),
        "LoadImage": NodeClass(required: ["image"]),
        "ImageScale": NodeClass(
            required: ["image", "upscale_method", "width", "height", "crop"], ints: ["width", "height"]),
        "SaveImage": NodeClass(required: ["images", "filename_prefix"], output: true),
        "EmptyImage": NodeClass(
            required: ["width", "height", "batch_size", "color"], ints: ["width", "height", "batch_size", "color"]),
        "ImageInvert": NodeClass(required: ["image"]),
        "ImageBlur": NodeClass(required: ["image", "blur_radius", "sigma"], ints: ["blur_radius"]),
        "UNETLoader": NodeClass(required: ["unet_name", "weight_dtype"]),
        "CLIPLoader": NodeClass(required: ["clip_name", "type"]),
        "VAELoader": NodeClass(required: ["vae_name"]),
        "CLIPVisionLoader": NodeClass(required: ["clip_name"]),
        "CLIPVisionEncode": NodeClass(required: ["clip_vision", "image", "crop"]),
        "WanImageToVideo": NodeClass(
            required: ["positive", "negative", "vae", "width", "height", "length", "batch_size"],
            ints: ["width", "height", "length", "batch_size"]),
        "ModelSamplingSD3": NodeClass(required: ["model", "shift"]),
        "CreateVideo": NodeClass(required: ["images", "fps"]),
        // Files from the input folder, as uploaded: LoadVideo's `file`, LoadAudio's `audio`.
        "LoadVideo": NodeClass(required: ["file"]),
        "LoadAudio": NodeClass(required: ["audio"]),
        "GetVideoComponents": NodeClass(required: ["video"]),
        "SaveVideo": NodeClass(required: ["video", "filename_prefix", "format", "codec"], output: true),
    ]
}
