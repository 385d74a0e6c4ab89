/// The workflows Reel ships, in ComfyUI's API format with Reel's placeholders. Model file names
/// come from the film's `comfyui:` block (`checkpoint`, `video_model`, …) with the defaults in
/// `ComfyUIBackend.defaultModels`.
public enum ComfyUIDefaultWorkflows {
    /// CheckpointLoaderSimple → CLIPTextEncode ×2 → EmptyLatentImage → KSampler → VAEDecode → SaveImage.
    public static let txt2img = """
        {
          "1": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "{{checkpoint}}"}},
          "2": {"class_type": "CLIPTextEncode", "inputs": {"text": "{{prompt}}", "clip": ["1", 1]}},
          "3": {"class_type": "CLIPTextEncode", "inputs": {"text": "{{negative}}", "clip": ["1", 1]}},
          "4": {"class_type": "EmptyLatentImage", "inputs": {"width": "{{width}}", "height": "{{height}}", "batch_size": "{{batch_size}}"}},
          "5": {"class_type": "KSampler", "inputs": {"model": ["1", 0], "positive": ["2", 0], "negative": ["3", 0],
                "latent_image": ["4", 0], "seed": "{{seed}}", "steps": "{{steps}}", "cfg": "{{cfg}}",
                "sampler_name": "{{sampler}}", "scheduler": "{{scheduler}}", "denoise": 1.0}},
          "6": {"class_type": "VAEDecode", "inputs": {"samples": ["5", 0], "vae": ["1", 2]}},
          "7": {"class_type": "SaveImage", "inputs": {"images": ["6", 0], "filename_prefix": "reel/txt2img"}}
        }
        """

    /// LoadImage → VAEEncode → KSampler (denoise = strength) → VAEDecode → SaveImage.
    public static let img2img = """
        {
          "1": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "{{checkpoint}}"}},
          "2": {"class_type": "CLIPTextEncode", "inputs": {"text": "{{prompt}}", "clip": ["1", 1]}},
          "3": {"class_type": "CLIPTextEncode", "inputs": {"text": "{{negative}}", "clip": ["1", 1]}},
          "4": {"class_type": "LoadImage", "inputs": {"image": "{{init_image}}"}},
          "5": {"class_type": "ImageScale", "inputs": {"image": ["4", 0], "upscale_method": "lanczos",
                "width": "{{width}}", "height": "{{height}}", "crop": "center"}},
          "6": {"class_type": "VAEEncode", "inputs": {"pixels": ["5", 0], "vae": ["1", 2]}},
          "7": {"class_type": "KSampler", "inputs": {"model": ["1", 0], "positive": ["2", 0], "negative": ["3", 0],
                "latent_image": ["6", 0], "seed": "{{seed}}", "steps": "{{steps}}", "cfg": "{{cfg}}",
                "sampler_name": "{{sampler}}", "scheduler": "{{scheduler}}", "denoise": "{{denoise}}"}},
          "8": {"class_type": "VAEDecode", "inputs": {"samples": ["7", 0], "vae": ["1", 2]}},
          "9": {"class_type": "SaveImage", "inputs": {"images": ["8", 0], "filename_prefix": "reel/img2img"}}
        }
        """

    /// Wan 2.1 / 2.2 (14B) image-to-video, as in ComfyUI's Wan examples: the diffusion model,
    /// umt5 text encoder, Wan VAE and CLIP vision loaded separately; WanImageToVideo conditions
    /// on the start image; CreateVideo + SaveVideo write an H.264 MP4.
    public static let img2video = """
        {
          "1": {"class_type": "UNETLoader", "inputs": {"unet_name": "{{video_model}}", "weight_dtype": "default"}},
          "2": {"class_type": "CLIPLoader", "inputs": {"clip_name": "{{text_encoder}}", "type": "wan", "device": "default"}},
          "3": {"class_type": "VAELoader", "inputs": {"vae_name": "{{vae}}"}},
          "4": {"class_type": "CLIPVisionLoader", "inputs": {"clip_name": "{{clip_vision}}"}},
          "5": {"class_type": "LoadImage", "inputs": {"image": "{{init_image}}"}},
          "6": {"class_type": "CLIPVisionEncode", "inputs": {"clip_vision": ["4", 0], "image": ["5", 0], "crop": "none"}},
          "7": {"class_type": "CLIPTextEncode", "inputs": {"text": "{{motion}}", "clip": ["2", 0]}},
          "8": {"class_type": "CLIPTextEncode", "inputs": {"text": "{{negative}}", "clip": ["2", 0]}},
          "9": {"class_type": "WanImageToVideo", "inputs": {"positive": ["7", 0], "negative": ["8", 0], "vae": ["3", 0],
                "clip_vision_output": ["6", 0], "start_image": ["5", 0], "width": "{{width}}", "height": "{{height}}",
                "length": "{{frames}}", "batch_size": 1}},
          "10": {"class_type": "ModelSamplingSD3", "inputs": {"model": ["1", 0], "shift": 8.0}},
          "11": {"class_type": "KSampler", "inputs": {"model": ["10", 0], "positive": ["9", 0], "negative": ["9", 1],
                 "latent_image": ["9", 2], "seed": "{{seed}}", "steps": "{{steps}}", "cfg": "{{cfg}}",
                 "sampler_name": "{{sampler}}", "scheduler": "{{scheduler}}", "denoise": 1.0}},
          "12": {"class_type": "VAEDecode", "inputs": {"samples": ["11", 0], "vae": ["3", 0]}},
          "13": {"class_type": "CreateVideo", "inputs": {"images": ["12", 0], "fps": "{{fps}}"}},
          "14": {"class_type": "SaveVideo", "inputs": {"video": ["13", 0], "filename_prefix": "reel/clip",
                 "format": "mp4", "codec": "h264"}}
        }
        """
}
