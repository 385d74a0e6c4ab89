import Foundation
import ReelKit
import ReelMedia

/// The embedded speech backend: espeak-ng, spawned once per line. Offline, deterministic and
/// free; robotic, but every word lands where the film says. The text goes through a file, never
/// a shell or the command line, so nothing in a line can become an option.
///
/// ```swift
/// let speech = try await EspeakBackend().speak(
///     SpeechRequest(text: "Let it burn.", voice: "en-us+f3", speed: 150), to: wav, context: context)
/// ```
public struct EspeakBackend: SpeechBackend {
    public let name = "espeak"
    /// `nil` looks for `espeak-ng` on `PATH`.
    public var executable: URL?

    public init(executable: URL? = nil) {
        self.executable = executable
    }

    public var capabilities: SpeechCapabilities {
        SpeechCapabilities(speeds: 80...450, pitch: true, defaultVoice: "en-us")
    }

    public func speak(
        _ request: SpeechRequest, to output: URL, context: GenerationContext
    ) async throws
        -> GeneratedSpeech
    {
        let tool = try executable ?? Self.locate()
        let text = context.scratchDirectory.appending(path: "line-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: text) }
        try Data(request.text.utf8).write(to: text)
        let voice = request.voice ?? request.language ?? capabilities.defaultVoice
        var arguments = ["-b", "1", "-v", voice]
        if let speed = request.speed { arguments += ["-s", String(capabilities.speeds.clamped(speed))] }
        if let pitch = request.pitch { arguments += ["-p", String(min(99, max(0, pitch)))] }
        arguments += ["-w", output.path, "-f", text.path]
        let run = try await ToolProcess.run(
            tool, arguments: arguments, installHint: "install espeak-ng with `sudo apt-get install espeak-ng`")
        if run.status != 0 {
            throw Self.failure(run, voice: voice)
        }
        guard let data = try? Data(contentsOf: output), let header = WAVHeader(data), header.duration > 0 else {
            throw ReelError(
                .backend, "espeak-ng wrote no speech for \"\(request.text.prefix(40))\"\(Self.said(run.stderr))")
        }
        return GeneratedSpeech(duration: header.duration)
    }

    static func failure(_ run: ToolProcess.Outcome, voice: String) -> ReelError {
        if run.stderr.localizedCaseInsensitiveContains("voice does not exist")
            || run.stderr.localizedCaseInsensitiveContains("voice not found")
        {
            return ReelError(
                .invalidInput,
                "espeak-ng has no voice '\(voice)'; choose one that `espeak-ng --voices` lists, like en-us, en-gb "
                    + "or en-us+f3 (a variant after '+')")
        }
        return ReelError(.backend, "espeak-ng failed with status \(run.status)\(said(run.stderr))")
    }

    private static func said(_ stderr: String) -> String {
        let text = stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "" : ": \(text)"
    }

    /// `espeak-ng` on `PATH`, or an error that says how to install it.
    public static func locate(path: String? = ProcessInfo.processInfo.environment["PATH"]) throws -> URL {
        for directory in (path ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = URL(filePath: String(directory)).appending(path: "espeak-ng")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw ReelError(
            .missingTool,
            "espeak-ng is not installed, and the film has dialog or narration to speak; install it with "
                + "`sudo apt-get install espeak-ng` (scripts/bootstrap does), or remove the lines")
    }
}

extension ClosedRange where Bound == Int {
    fileprivate func clamped(_ value: Int) -> Int { Swift.min(upperBound, Swift.max(lowerBound, value)) }
}
