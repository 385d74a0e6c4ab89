/// ComfyUI workflows for tests, in the user's own form.
public enum TestWorkflows {
    /// A lip-sync graph: the clip and the track loaded from the uploads (`{{video}}`,
    /// `{{audio}}`), recombined at `{{fps}}` and saved as MP4. Weight-free, so the test server and
    /// a CPU ComfyUI both run it.
    public static let lipSync = """
        {
          "1": {"class_type": "LoadVideo", "inputs": {"file": "{{video}}"}},
          "2": {"class_type": "LoadAudio", "inputs": {"audio": "{{audio}}"}},
          "3": {"class_type": "GetVideoComponents", "inputs": {"video": ["1", 0]}},
          "4": {"class_type": "CreateVideo", "inputs": {"images": ["3", 0], "fps": "{{fps}}", "audio": ["2", 0]}},
          "5": {"class_type": "SaveVideo",
                "inputs": {"video": ["4", 0], "filename_prefix": "reel/lipsync", "format": "mp4", "codec": "h264"}}
        }
        """
}
