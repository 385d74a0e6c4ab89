import Foundation
import ReelMedia

/// Runs the real ffmpeg and ffprobe for tests: to make files with another encoder and to decode ours
/// with another decoder, the independent check on our codecs.
enum FFmpegTool {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `tool` with `arguments`, returning stdout; throws with stderr's tail when it fails.
    @discardableResult
    static func run(_ arguments: [String]) throws -> Data {
        try run("ffmpeg", arguments)
    }

    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/\(tool)")
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read both pipes to the end before waiting, so a full pipe cannot stall the child.
        let (stdout, stderr) = readBoth(output, errors)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: stderr, as: UTF8.self).split(separator: "\n").suffix(5).joined(
                separator: "\n")
            throw Failure(description: "\(tool) \(arguments.joined(separator: " ")) failed: \(message)")
        }
        return stdout
    }

    /// Every frame of a media file, decoded by ffmpeg to RGBA, one image per stored frame.
    /// Chroma is interpolated (as libjpeg and libwebp do) rather than ffmpeg's default fast path.
    static func decodeFrames(_ file: URL, width: Int, height: Int) throws -> [RGBAImage] {
        let raw = try run([
            "-v", "error", "-i", file.path, "-fps_mode", "passthrough",
            "-sws_flags", "bilinear+accurate_rnd+full_chroma_int+full_chroma_inp",
            "-f", "rawvideo", "-pix_fmt", "rgba", "-",
        ])
        let frameSize = width * height * 4
        return stride(from: 0, to: raw.count - frameSize + 1, by: frameSize).map { start in
            let begin = raw.startIndex + start
            return RGBAImage(width: width, height: height, pixels: [UInt8](raw[begin..<begin + frameSize]))
        }
    }

    /// ffprobe's view of the first video stream: size, frame count, and duration in seconds.
    static func probe(_ file: URL) throws -> (width: Int, height: Int, frames: Int, duration: Double) {
        let output = try run(
            "ffprobe",
            [
                "-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries",
                "stream=width,height,nb_read_frames:format=duration", "-of", "default=noprint_wrappers=1", file.path,
            ])
        var values: [String: String] = [:]
        for line in String(decoding: output, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { values[String(parts[0])] = String(parts[1]) }
        }
        return (
            Int(values["width"] ?? "") ?? -1, Int(values["height"] ?? "") ?? -1,
            Int(values["nb_read_frames"] ?? "") ?? -1, Double(values["duration"] ?? "") ?? -1
        )
    }

    private static func readBoth(_ first: Pipe, _ second: Pipe) -> (Data, Data) {
        let group = DispatchGroup()
        nonisolated(unsafe) var secondData = Data()
        group.enter()
        DispatchQueue.global().async {
            secondData = second.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let firstData = first.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        return (firstData, secondData)
    }
}

/// A fresh directory under the system's temporary directory, removed when `body` returns.
func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("reel-media-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try body(directory)
}

extension RGBAImage {
    /// The largest difference of any channel between two images of one size.
    func maximumDifference(to other: RGBAImage) -> Int {
        zip(pixels, other.pixels).map { abs(Int($0) - Int($1)) }.max() ?? 0
    }

    /// The mean absolute difference over all channels.
    func meanDifference(to other: RGBAImage) -> Double {
        Double(zip(pixels, other.pixels).reduce(0) { $0 + abs(Int($1.0) - Int($1.1)) }) / Double(pixels.count)
    }

    /// A small picture with smooth ramps in every channel and a varying alpha: exercises every byte
    /// position without being flat.
    static func ramps(width: Int = 64, height: Int = 48, opaque: Bool = false) -> RGBAImage {
        var image = RGBAImage(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width {
                image[x, y] = (
                    UInt8(x * 255 / (width - 1)), UInt8(y * 255 / (height - 1)),
                    UInt8((x + y) * 127 / (width + height)),
                    opaque ? 255 : UInt8(255 - (x * y) % 256)
                )
            }
        }
        return image
    }
}
