import Foundation
import ReelMedia

/// The storyboard: 8 frames at 896×384 as Reel's GIF and animated WebP, against ffmpeg's
/// two-pass palette GIF and its palette-per-frame GIF; size and SSIM against the source frames.
struct BoardBench {
    let ffmpeg: FFmpeg
    let directory: URL
    let rounds: Int

    func run() async throws {
        let frames = (0..<8).map { detailedStill(width: 896, height: 384, seed: UInt32(100 + $0 * 17)) }
        for (index, frame) in frames.enumerated() {
            try frame.encoded(as: .png).write(to: directory.appending(path: "board-\(index).png"))
        }
        let pattern = directory.appending(path: "board-%d.png").path
        let animation = frames.map { AnimationFrame(image: $0, duration: .seconds(1)) }
        let reelGIF = directory.appending(path: "board-reel.gif")
        let reelWebP = directory.appending(path: "board-reel.webp")
        let twoPass = directory.appending(path: "board-ffmpeg.gif")
        let perFrame = directory.appending(path: "board-ffmpeg-perframe.gif")
        let quiet = ["-hide_banner", "-loglevel", "error", "-y", "-framerate", "1", "-i", pattern]
        let times = try await paired(
            rounds: rounds,
            [
                ("Reel GIF", { try GIFEncoder(options: .storyboard).encode(animation).write(to: reelGIF) }),
                ("Reel WebP", { try AnimatedWebP.encode(animation, quality: 80).write(to: reelWebP) }),
                (
                    "ffmpeg two-pass GIF",
                    {
                        try shell(
                            ffmpeg.ffmpegURL,
                            quiet + ["-vf", "split[a][b];[a]palettegen[p];[b][p]paletteuse", twoPass.path])
                    }
                ),
                (
                    "ffmpeg palette per frame",
                    {
                        try shell(
                            ffmpeg.ffmpegURL,
                            quiet + [
                                "-vf", "split[a][b];[a]palettegen=stats_mode=single[p];[b][p]paletteuse=new=1",
                                perFrame.path,
                            ])
                    }
                ),
            ])
        let files = [
            "Reel GIF": reelGIF, "Reel WebP": reelWebP, "ffmpeg two-pass GIF": twoPass,
            "ffmpeg palette per frame": perFrame,
        ]
        var rows: [Row] = []
        for (name, time) in times {
            guard let url = files[name] else { continue }
            let size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
            let decoded =
                name == "Reel WebP"
                ? try AnimatedWebP.decodeFrames(try Data(contentsOf: url), limit: 8).map(\.image)
                : try await ffmpeg.rgbaFrames(of: url, limit: 8)
            let ssim = try SSIM.mean(frames, decoded)
            rows.append(
                Row(
                    label: name, seconds: time,
                    extra: [String(format: "%.2f MB", Double(size) / 1e6), String(format: "%.3f", ssim)]))
        }
        printTable(
            "Storyboard: 8 frames at 896×384", rows: rows, reference: "ffmpeg two-pass GIF",
            extraHeaders: ["size", "SSIM"])
    }
}
