import Foundation
import ReelMedia

// reel-bench: Reel against the tools a filmmaker would otherwise use, on the same inputs, in one
// run. Times are medians of paired rounds (A B A B …); compare ratios within a run only — the
// machine is shared and noisy. Build in release first:
//
//   swift build -c release && .build/release/reel-bench [camera|cut|board|engine|make|scale|all] [--rounds N]
//   .build/release/reel-bench scale [--shots 8,50,200]
//   .build/release/reel-bench pool [--unit 1]   (seconds per unit; servers take 1, 2, 4, 8 units)
//   .build/release/reel-bench cut-long [--clips 200] [--no-peer]
//   .build/release/reel-bench score [--rounds N]   (the identity scorer; needs scripts/bootstrap's photos)

let arguments = Array(CommandLine.arguments.dropFirst())
// The engine bench's server, in a process of its own (see ChildComfyUI).
if arguments.first == "serve-comfyui", arguments.count == 3, let wait = Double(arguments[2]) {
    try await ChildComfyUI.serve(result: URL(fileURLWithPath: arguments[1]), wait: wait)
    exit(0)
}
let section = arguments.first { !$0.hasPrefix("--") && Int($0) == nil } ?? "all"
let rounds =
    arguments.firstIndex(of: "--rounds").flatMap { arguments.indices.contains($0 + 1) ? Int(arguments[$0 + 1]) : nil }
    ?? 3
let directory = FileManager.default.temporaryDirectory.appending(path: "reel-bench")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
let ffmpeg = try FFmpegLocator().locate()

print(
    "# reel-bench — \(ProcessInfo.processInfo.activeProcessorCount) cores, \(rounds) paired rounds, libx264 -preset veryfast -crf 18 for everyone"
)
if section == "camera" || section == "all" {
    let bench = CameraBench(ffmpeg: ffmpeg, directory: directory, rounds: rounds)
    try await bench.run(stillSize: (1792, 768), output: VideoSize(width: 1344, height: 576))
    try await bench.run(stillSize: (2560, 1440), output: VideoSize(width: 1920, height: 1080))
}
if section == "cut" || section == "all" {
    try await CutBench(ffmpeg: ffmpeg, directory: directory, rounds: rounds).run()
}
if section == "cut-reel" {
    try await CutBench(ffmpeg: ffmpeg, directory: directory, rounds: rounds).profileReelOnly()
}
if section == "board" || section == "all" {
    try await BoardBench(ffmpeg: ffmpeg, directory: directory, rounds: rounds).run()
}
if section == "engine" || section == "all" {
    try await EngineBench(directory: directory).run()
}
if section == "make" || section == "all" {
    try await MakeBench(directory: directory, rounds: max(rounds, 5)).run()
}
if section == "cut-long" || section == "cut-long-reel" {
    let clips =
        arguments.firstIndex(of: "--clips").flatMap {
            arguments.indices.contains($0 + 1) ? Int(arguments[$0 + 1]) : nil
        }
        ?? 200
    var bench = LongCutBench(ffmpeg: ffmpeg, directory: directory, clips: clips)
    bench.withPeer = !arguments.contains("--no-peer")
    if section == "cut-long" { try await bench.run() } else { try await bench.cutOnly() }
}
if section == "pool" {
    let unit =
        arguments.firstIndex(of: "--unit").flatMap {
            arguments.indices.contains($0 + 1) ? Double(arguments[$0 + 1]) : nil
        } ?? 1
    try await PoolBench(directory: directory, unit: unit).run()
}
if section == "score" {
    try await ScoreBench(rounds: max(rounds, 3), directory: directory).run()
}
if section == "scale" {
    let sizes =
        arguments.firstIndex(of: "--shots").flatMap {
            arguments.indices.contains($0 + 1) ? arguments[$0 + 1].split(separator: ",").compactMap { Int($0) } : nil
        } ?? [8, 50, 200]
    try await ScaleBench(directory: directory, sizes: sizes).run()
}
