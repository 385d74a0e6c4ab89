import Foundation
import ReelTestingServers

/// A local ComfyUI (FakeComfyUI) in a child process, this executable run as
/// `reel-bench serve-comfyui RESULT SECONDS`, so the bench's peak memory is Reel's alone: the
/// server's copy of the result and its buffers live in the other process.
enum ChildComfyUI {
    /// The child's side: serves until its stdin closes, then prints how many prompts it saw.
    static func serve(result: URL, wait: Double) async throws {
        let fake = FakeComfyUI()
        await fake.set(runTime: wait > 0 ? .seconds(wait) : nil)
        await fake.set(resultImage: try Data(contentsOf: result))
        try await TestHTTPServer.with(
            handler: { await fake.handle($0) },
            webSocket: { query, outbox in await fake.openSocket(query: query, outbox: outbox) }
        ) { baseURL in
            FileHandle.standardOutput.write(Data("URL \(baseURL)\n".utf8))
            // Blocks a thread of its own until the parent closes the pipe.
            await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                Thread.detachNewThread {
                    _ = FileHandle.standardInput.readDataToEndOfFile()
                    done.resume()
                }
            }
            let prompts = await fake.prompts.count
            FileHandle.standardOutput.write(Data("PROMPTS \(prompts)\n".utf8))
        }
    }

    /// The parent's side: starts the child, runs `body` with its base URL, and returns what
    /// `body` returned with the number of prompts the server saw.
    static func with<T>(
        result: URL, wait: Double, _ body: (String) async throws -> T
    ) async throws -> (T, prompts: Int) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["serve-comfyui", result.path, String(wait)]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        var lines = LineReader(handle: output.fileHandleForReading)
        guard let first = lines.next(), first.hasPrefix("URL ") else {
            process.terminate()
            throw BenchError("the ComfyUI child process did not start")
        }
        let value: T
        do {
            value = try await body(String(first.dropFirst(4)))
        } catch {
            process.terminate()
            throw error
        }
        try input.fileHandleForWriting.close()
        let last = lines.next() ?? ""
        process.waitUntilExit()
        guard last.hasPrefix("PROMPTS "), let prompts = Int(last.dropFirst(8)) else {
            throw BenchError("the ComfyUI child process ended without its count ('\(last)')")
        }
        return (value, prompts)
    }
}

/// Lines of a pipe, read as they come.
private struct LineReader {
    let handle: FileHandle
    var buffer = Data()

    mutating func next() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return line
            }
            let chunk = handle.availableData
            if chunk.isEmpty { return buffer.isEmpty ? nil : String(decoding: buffer, as: UTF8.self) }
            buffer.append(chunk)
        }
    }
}
