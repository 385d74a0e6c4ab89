import Foundation
import ReelKit
import ReelMedia

/// Eight 4 s clips joined with 0.5 s crossfades (684 frames at 24 fps), as Reel, ffmpeg's
/// `xfade` chain, libx264 alone on the same 684 frames, and the concat demuxer with stream
/// copy (which cannot crossfade: the floor for "just join them").
struct CutBench {
    let ffmpeg: FFmpeg
    let directory: URL
    let rounds: Int

    /// Only Reel's cut, once, on clips made earlier by `run()`: for profiling with strace or perf.
    func profileReelOnly() async throws {
        let size = VideoSize(width: 1344, height: 576)
        var plan = CutPlan(fps: 24, size: size)
        plan.clips = (0..<8).map { index in
            CutPlan.Clip(
                url: directory.appending(path: "clip-\(index).mp4"), duration: 4,
                transition: index < 7 ? .crossfade(seconds: 0.5) : .cut)
        }
        let time = try await seconds {
            _ = try await Cutter(ffmpeg: ffmpeg).cut(plan, to: directory.appending(path: "cut-profile.mp4"))
        }
        print(String(format: "Reel cut: %.2f s", time))
    }

    func run() async throws {
        let size = VideoSize(width: 1344, height: 576), fps = 24, clipSeconds = 4.0, fade = 0.5
        let moves: [CameraMove] = [.pushIn, .panLeft, .drift, .tiltUp, .pullOut, .panRight, .shake, .tiltDown]
        var plan = CutPlan(fps: fps, size: size)
        plan.clips = moves.indices.map { index in
            CutPlan.Clip(
                url: directory.appending(path: "clip-\(index).mp4"), duration: clipSeconds,
                transition: index < moves.count - 1 ? .crossfade(seconds: fade) : .cut)
        }
        let renderer = CameraRenderer(ffmpeg: ffmpeg)
        for (index, move) in moves.enumerated() {
            let still = detailedStill(width: 1792, height: 768, seed: UInt32(index * 31 + 3))
            try await renderer.render(
                still: still, move: move, seed: UInt64(index), duration: clipSeconds, fps: fps, size: size,
                to: plan.clips[index].url, encoder: .standard.withKeyframes(try plan.keyframes(forClipAt: index)))
        }
        let reelURL = directory.appending(path: "cut-reel.mp4")
        let xfadeURL = directory.appending(path: "cut-xfade.mp4")
        let rawURL = directory.appending(path: "cut-frames.yuv")
        let x264URL = directory.appending(path: "cut-x264.mp4")
        let concatURL = directory.appending(path: "cut-concat.mp4")
        let list = directory.appending(path: "clips.txt")
        try plan.clips.map { "file '\($0.url.path)'" }.joined(separator: "\n").write(
            to: list, atomically: true, encoding: .utf8)

        // The same frames for libx264 alone: Reel's cut, decoded once to raw.
        let cutter = Cutter(ffmpeg: ffmpeg)
        let report = try await cutter.cut(plan, to: reelURL)
        try shell(
            ffmpeg.ffmpegURL,
            [
                "-hide_banner", "-loglevel", "error", "-y", "-i", reelURL.path, "-f", "rawvideo", "-pix_fmt", "yuv420p",
                rawURL.path,
            ])
        defer { try? FileManager.default.removeItem(at: rawURL) }

        var xfadeGraph: [String] = []
        var last = "0:v"
        for index in 1..<moves.count {
            let offset = Double(index) * (clipSeconds - fade)
            let out = index == moves.count - 1 ? "out" : "v\(index)"
            xfadeGraph.append("[\(last)][\(index):v]xfade=transition=fade:duration=\(fade):offset=\(offset)[\(out)]")
            last = out
        }
        let encoder = EncoderSettings.standard
        let x264 = ["-c:v", "libx264", "-preset", encoder.preset, "-crf", String(encoder.crf), "-pix_fmt", "yuv420p"]
        let quiet = ["-hide_banner", "-loglevel", "error", "-y"]
        let times = try await paired(
            rounds: rounds,
            [
                (
                    "libx264 alone",
                    {
                        try shell(
                            ffmpeg.ffmpegURL,
                            quiet + [
                                "-f", "rawvideo", "-pix_fmt", "yuv420p", "-s", "\(size.width)x\(size.height)",
                                "-r", String(fps), "-i", rawURL.path,
                            ] + x264 + [x264URL.path])
                    }
                ),
                ("Reel cut", { _ = try await cutter.cut(plan, to: reelURL) }),
                (
                    "Reel cut, re-encoding all",
                    { _ = try await cutter.cut(plan, to: reelURL, reencodeEverything: true) }
                ),
                (
                    "ffmpeg xfade",
                    {
                        try shell(
                            ffmpeg.ffmpegURL,
                            quiet + plan.clips.flatMap { ["-i", $0.url.path] }
                                + ["-filter_complex", xfadeGraph.joined(separator: ";"), "-map", "[out]"] + x264 + [
                                    xfadeURL.path
                                ])
                    }
                ),
                (
                    "concat copy (no crossfade)",
                    {
                        try shell(
                            ffmpeg.ffmpegURL,
                            quiet + ["-f", "concat", "-safe", "0", "-i", list.path, "-c", "copy", concatURL.path])
                    }
                ),
            ])
        let probe = FFprobe(ffmpeg)
        var rows: [Row] = []
        for (name, time) in times {
            let url = [
                "Reel cut": reelURL, "Reel cut, re-encoding all": reelURL, "ffmpeg xfade": xfadeURL,
                "libx264 alone": x264URL,
                "concat copy (no crossfade)": concatURL,
            ][name]
            var frames: Int?
            if let url { frames = try await probe.frameCount(of: url) }
            rows.append(Row(label: name, seconds: time, extra: [frames.map(String.init) ?? "-"]))
        }
        printTable(
            "Cut: 8 clips of 4 s with 0.5 s crossfades, 1344×576 (\(report.frameCount) frames; Reel copied \(report.copiedFrames), encoded \(report.encodedFrames))",
            rows: rows, reference: "ffmpeg xfade", extraHeaders: ["frames"])
    }
}
