import Foundation
import ReelKit
import ReelMedia

/// Reel's camera move against the ways ffmpeg users animate a still, on the same still, move,
/// size and encoder settings: libx264 alone on Reel's precomputed frames (the floor), Reel,
/// `zoompan`, the 4×-upscale anti-jitter recipe, and `perspective` with cubic interpolation.
struct CameraBench {
    let ffmpeg: FFmpeg
    let directory: URL
    let rounds: Int

    func run(stillSize: (Int, Int), output: VideoSize) async throws {
        let frameCount = 96, fps = 24
        let still = detailedStill(width: stillSize.0, height: stillSize.1, seed: 7)
        let stillURL = directory.appending(path: "still-\(stillSize.0).png")
        try still.encoded(as: .png).write(to: stillURL)
        let path = CameraPath(
            move: .pushIn, sourceWidth: still.width, sourceHeight: still.height, aspect: output.aspect, duration: 4)
        let renderer = CameraRenderer(ffmpeg: ffmpeg)
        let precomputed = try renderer.frames(still: still, path: path, count: frameCount, size: output).map(\.bytes)
        let encoder = EncoderSettings.standard
        let x264 = ["-c:v", "libx264", "-preset", encoder.preset, "-crf", String(encoder.crf), "-pix_fmt", "yuv420p"]

        // The crop of frame n as ffmpeg expressions: push-in zoom 1.25^smoothstep(n/95), centred.
        let t = "(on/\(frameCount - 1))"
        let zoom = "pow(1.25,\(t)*\(t)*(3-2*\(t)))"
        let full = path.crop(at: 0)
        let zoompan =
            "zoompan=z='\(zoom)':x='iw/2-iw/zoom/2':y='ih/2-ih/zoom/2':d=1:s=\(output.width)x\(output.height):fps=\(fps)"
        let scaleFactor = 4
        let upscaled = "scale=iw*\(scaleFactor):ih*\(scaleFactor),\(zoompan)"
        let pt = "(in/\(frameCount - 1))"
        let pzoom = "pow(1.25,\(pt)*\(pt)*(3-2*\(pt)))"
        let x0 = "(\(full.x)+\(full.width)/2-\(full.width)/2/\(pzoom))",
            y0 = "(\(full.y)+\(full.height)/2-\(full.height)/2/\(pzoom))"
        let x1 = "(\(full.x)+\(full.width)/2+\(full.width)/2/\(pzoom))",
            y1 = "(\(full.y)+\(full.height)/2+\(full.height)/2/\(pzoom))"
        let perspective =
            "perspective=x0='\(x0)':y0='\(y0)':x1='\(x1)':y1='\(y0)':x2='\(x0)':y2='\(y1)':x3='\(x1)':y3='\(y1)':interpolation=cubic:eval=frame,scale=\(output.width):\(output.height):flags=bicubic"
        let input = ["-loop", "1", "-framerate", String(fps), "-i", stillURL.path]
        var filters: [String: String] = [:]
        func peer(_ name: String, _ filter: String) -> (String, URL, () async throws -> Void) {
            let url = directory.appending(path: "\(name)-\(output.height).mp4")
            filters[name] = filter
            return (
                name, url,
                {
                    try shell(
                        ffmpeg.ffmpegURL,
                        ["-hide_banner", "-loglevel", "error", "-y"] + input
                            + ["-vf", filter, "-frames:v", String(frameCount)] + x264 + [url.path])
                }
            )
        }
        let baseURL = directory.appending(path: "x264-\(output.height).mp4")
        let reelURL = directory.appending(path: "reel-\(output.height).mp4")
        let contenders: [(String, URL, () async throws -> Void)] = [
            (
                "libx264 alone", baseURL,
                {
                    try await RawVideoEncoder(ffmpeg: ffmpeg, size: output, fps: fps).encode(to: baseURL) { input in
                        for frame in precomputed { try await input.write(frame) }
                    }
                }
            ),
            (
                "Reel camera", reelURL,
                {
                    try await renderer.render(
                        still: still, path: path, frameCount: frameCount, fps: fps, size: output, to: reelURL)
                }
            ),
            peer("ffmpeg zoompan", zoompan),
            peer("zoompan on 4× upscale", upscaled),
            peer("ffmpeg perspective cubic", perspective),
        ]
        let times = try await paired(rounds: rounds, contenders.map { ($0.0, $0.2) })
        let meter = WobbleMeter(still: still)
        var rows: [Row] = []
        for ((name, url, _), (_, time)) in zip(contenders, times) {
            // Wobble of the rendering itself (frames before any encoder), then of the encoded file.
            var rendered = "-"
            if name == "Reel camera" {
                rendered = String(
                    format: "%.4f px", wobble(ofFrames: precomputed, meter: meter, path: path, output: output))
            } else if let filter = filters[name] {
                let raw = directory.appending(path: "raw-\(output.height).yuv")
                defer { try? FileManager.default.removeItem(at: raw) }
                try shell(
                    ffmpeg.ffmpegURL,
                    ["-hide_banner", "-loglevel", "error", "-y"] + input
                        + [
                            "-vf", filter, "-frames:v", String(frameCount), "-f", "rawvideo", "-pix_fmt", "yuv420p",
                            raw.path,
                        ])
                let bytes = [UInt8](try Data(contentsOf: raw))
                let frameSize = output.width * output.height * 3 / 2
                let frames = stride(from: 0, to: bytes.count - frameSize + 1, by: frameSize).map {
                    Array(bytes[$0..<($0 + frameSize)])
                }
                rendered = String(format: "%.4f px", wobble(ofFrames: frames, meter: meter, path: path, output: output))
            }
            let encoded = try await self.wobble(of: url, meter: meter, path: path, output: output, count: frameCount)
            rows.append(Row(label: name, seconds: time, extra: [rendered, String(format: "%.4f px", encoded)]))
        }
        printTable(
            "Camera push-in, \(stillSize.0)×\(stillSize.1) still → \(output.width)×\(output.height), 4 s at 24 fps",
            rows: rows, reference: "libx264 alone", extraHeaders: ["wobble rendered", "wobble encoded"])
    }

    func wobble(ofFrames frames: [[UInt8]], meter: WobbleMeter, path: CameraPath, output: VideoSize) -> Double {
        let misplacements = frames.enumerated().map { index, bytes in
            let reference = meter.reference(
                crop: path.crop(frame: index, of: frames.count), outWidth: output.width, outHeight: output.height)
            return WobbleMeter.misplacement(
                frame: Array(bytes[0..<(output.width * output.height)]), reference: reference, width: output.width,
                height: output.height)
        }
        return WobbleMeter.wobble(misplacements)
    }

    func wobble(of url: URL, meter: WobbleMeter, path: CameraPath, output: VideoSize, count: Int) async throws -> Double
    {
        var misplacements: [[(Double, Double)]] = []
        var index = 0
        _ = try await ffmpeg.decodeFrames(of: url, format: .yuv420p, width: output.width, height: output.height) {
            bytes in
            let luma = Array(bytes[0..<(output.width * output.height)])
            let reference = meter.reference(
                crop: path.crop(frame: index, of: count), outWidth: output.width, outHeight: output.height)
            misplacements.append(
                WobbleMeter.misplacement(frame: luma, reference: reference, width: output.width, height: output.height))
            index += 1
            return true
        }
        return WobbleMeter.wobble(misplacements)
    }
}
