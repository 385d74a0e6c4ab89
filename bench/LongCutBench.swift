import Foundation
import ReelKit
import ReelMedia

/// The cut of a long 1080p film: `clips` clips of 3 s (200 make 10 minutes), a 0.5 s crossfade
/// into every fourth, the rest hard cuts, as the scale films have them. Reel's cut and ffmpeg's
/// `xfade`/`concat` chain on the same clips, each in its own process so its peak memory is its own.
struct LongCutBench {
    let ffmpeg: FFmpeg
    let directory: URL
    let clips: Int
    /// Skip ffmpeg's run (minutes at 1080p), to look at Reel's alone.
    var withPeer = true

    private var folder: URL { directory.appending(path: "long-cut-\(clips)") }

    private var plan: CutPlan {
        var plan = CutPlan(fps: 24, size: VideoSize(width: 1920, height: 1080))
        plan.clips = (0..<clips).map { index in
            CutPlan.Clip(
                url: folder.appending(path: "clip-\(index).mp4"), duration: 3,
                transition: index < clips - 1 && (index + 1) % 4 == 0 ? .crossfade(seconds: 0.5) : .cut)
        }
        return plan
    }

    func run() async throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let plan = plan
        let moves: [CameraMove] = [.pushIn, .panLeft, .drift, .tiltUp, .pullOut, .panRight, .tiltDown]
        let renderer = CameraRenderer(ffmpeg: ffmpeg)
        for (index, clip) in plan.clips.enumerated() where !FileManager.default.fileExists(atPath: clip.url.path) {
            let still = detailedStill(width: 2560, height: 1440, seed: UInt32(index * 31 + 3))
            try await renderer.render(
                still: still, move: moves[index % moves.count], seed: UInt64(index), duration: clip.duration,
                fps: plan.fps, size: plan.size, to: clip.url,
                encoder: .standard.withKeyframes(try plan.keyframes(forClipAt: index)))
        }
        let frames = try plan.timeline().frameCount
        let bench = URL(filePath: CommandLine.arguments[0])
        let reel = try measured(bench, ["cut-long-reel", "--clips", String(clips)])
        let xfade =
            withPeer
            ? try measured(ffmpeg.ffmpegURL, xfadeArguments(plan, to: folder.appending(path: "xfade.mp4"))) : reel
        print(
            "\n## Cut of a \(frames / 24 / 60) min \(frames / 24 % 60) s film at 1920×1080 (\(clips) clips, \(frames) frames)\n"
        )
        print("| contender | s | × xfade | peak MB |")
        print("| --- | ---: | ---: | ---: |")
        for (name, figures) in [("Reel cut", reel), ("ffmpeg xfade/concat", xfade)] {
            print(
                "| \(name) | \(String(format: "%.1f", figures.seconds)) | "
                    + "\(String(format: "%.2f", figures.seconds / xfade.seconds)) | "
                    + "\(String(format: "%.0f", figures.megabytes)) |")
        }
    }

    /// Only Reel's cut of the clips `run()` made, without a run cache: the child process `run()` measures.
    func cutOnly() async throws {
        let report = try await Cutter(ffmpeg: ffmpeg).cut(plan, to: folder.appending(path: "reel.mp4"))
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        FileHandle.standardError.write(
            Data(
                "copied \(report.copiedFrames), encoded \(report.encodedFrames), own peak \(usage.ru_maxrss / 1024) MB\n"
                    .utf8))
    }

    /// One filter chain: `xfade` into the shots that crossfade, `concat` onto the rest.
    private func xfadeArguments(_ plan: CutPlan, to output: URL) -> [String] {
        // Every input on one time base: `concat` answers in AV_TIME_BASE, and `xfade` refuses two.
        var graph = plan.clips.indices.map { "[\($0):v]settb=AVTB[s\($0)]" }
        var last = "s0"
        var length = plan.clips[0].duration
        for index in 1..<plan.clips.count {
            let out = index == plan.clips.count - 1 ? "out" : "v\(index)"
            if case .crossfade(let seconds) = plan.clips[index - 1].transition {
                graph.append(
                    "[\(last)][s\(index)]xfade=transition=fade:duration=\(seconds):offset=\(length - seconds)[\(out)]")
                length += plan.clips[index].duration - seconds
            } else {
                graph.append("[\(last)][s\(index)]concat=n=2:v=1:a=0[\(out)]")
                length += plan.clips[index].duration
            }
            last = out
        }
        let encoder = EncoderSettings.standard
        return ["-hide_banner", "-loglevel", "error", "-y"] + plan.clips.flatMap { ["-i", $0.url.path] } + [
            "-filter_complex", graph.joined(separator: ";"), "-map", "[out]", "-c:v", "libx264", "-preset",
            encoder.preset, "-crf", String(encoder.crf), "-pix_fmt", "yuv420p", output.path,
        ]
    }
}
