// reel-store-probe: a second process for ReelStore's tests, so they can kill a writer mid-blob
// and have two processes share one project. Not shipped.
//
//   reel-store-probe blob <blobs-dir> <mebibytes> <announce-after-mebibytes> pause|continue
//       Writes <mebibytes> MiB of deterministic content (see ProbeContent in the tests) as one
//       blob. After <announce-after> MiB it prints "writing"; with "pause" it then waits for
//       stdin to close before going on. Prints "stored <blob id>" at the end.
//   reel-store-probe jobs <project-dir> <step-key-prefix> <count>
//       Journals <count> jobs and finishes each one, one transaction per write. Prints "done".
import Foundation
import ReelStore

func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("reel-store-probe: " + message + "\n").utf8))
    exit(2)
}

/// Mebibyte `index` of the content: a fixed pattern whose first 8 bytes are the chunk's index,
/// so every chunk differs and a truncated or reordered file hashes differently.
func fillChunk(_ chunk: inout [UInt8], index: Int) {
    for offset in 0..<8 { chunk[offset] = UInt8(truncatingIfNeeded: UInt64(index) >> (8 * UInt64(offset))) }
}

func patternChunk() -> [UInt8] {
    (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: ($0 &* 7) ^ ($0 >> 9)) }
}

func writeBlob(directory: String, mebibytes: Int, announceAfter: Int, pause: Bool) throws {
    let blobs = try BlobStore(directory: URL(filePath: directory, directoryHint: .isDirectory))
    var chunk = patternChunk()
    let id = try blobs.put { writer in
        for index in 0..<mebibytes {
            fillChunk(&chunk, index: index)
            try chunk.withUnsafeBytes { try writer.write($0) }
            if index + 1 == announceAfter {
                say("writing")
                if pause { while readLine() != nil {} }
            }
        }
    }
    say("stored \(id)")
}

func writeJobs(project: String, prefix: String, count: Int) throws {
    let store = try Store.open(projectDirectory: URL(filePath: project, directoryHint: .isDirectory))
    for index in 0..<count {
        let job = try store.enqueueJob(stepKey: "\(prefix)-\(index)", kind: "image", shotID: prefix, backend: "probe")
        try store.updateJob(job.id, to: .finished, resultJSON: "{}")
    }
    say("done")
}

let arguments = CommandLine.arguments.dropFirst()
do {
    switch Array(arguments) {
    case let args where args.count == 5 && args[0] == "blob":
        guard let size = Int(args[2]), let announce = Int(args[3]), ["pause", "continue"].contains(args[4]) else {
            fail("usage: blob <blobs-dir> <mebibytes> <announce-after> pause|continue")
        }
        try writeBlob(directory: args[1], mebibytes: size, announceAfter: announce, pause: args[4] == "pause")
    case let args where args.count == 4 && args[0] == "jobs":
        guard let count = Int(args[3]) else { fail("usage: jobs <project-dir> <prefix> <count>") }
        try writeJobs(project: args[1], prefix: args[2], count: count)
    default:
        fail("usage: blob … | jobs … (see the comment at the top of main.swift)")
    }
} catch {
    fail("\(error)")
}
