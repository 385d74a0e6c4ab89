import ArgumentParser
import Foundation
import ReelEngine
import ReelKit

struct PromptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prompt",
        abstract: "Show how Reel reads a Midjourney-style prompt, or a shot's composed request.",
        discussion: """
            With TEXT: the parsed prompt (image prompts, ::-weighted parts, parameters). With --shot: \
            the backend-neutral request the shot sends (style, @names, framing, film and shot \
            parameters, size, seed, references).

            Examples:
              reel prompt "<https://x.y/ref.png> a pilot on a cliff::2 fog --ar 7:3 --niji 6 --no text"
              reel prompt --shot ridge my-film --json
            """)

    @Argument(help: "Prompt text to parse (omit with --shot).") var text: String?
    @Option(help: "Show the composed request of this shot instead.") var shot: String?
    @Option(name: [.customShort("C"), .customLong("project")], help: "The project directory, with --shot.")
    var directory: String?
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        if (text == nil) == (shot == nil) {
            throw ValidationError("give either prompt TEXT or --shot ID")
        }
    }

    func run() async throws {
        if let shot {
            // `reel prompt --shot ID DIR`: a lone positional is the project directory.
            try await Services.with(projectPath: directory ?? text) { services in
                let current = try services.studio.currentRequest(for: try services.studio.shot(shot))
                current.notes.forEach(Output.warning)
                if json {
                    Output.line(try Self.json(current.request))
                } else {
                    let limit = try services.studio.registry.image(current.backend).capabilities
                        .characterReferenceLimit
                    RequestPrinter.print(current.request, backend: current.backend, referenceLimit: limit)
                }
            }
            return
        }
        let text = text ?? ""
        let result = PromptParser().parse(text, at: nil)
        if !result.diagnostics.isEmpty { Output.diagnostics(result.diagnostics, extraSources: [nil: text]) }
        guard let prompt = result.prompt, !result.diagnostics.contains(where: { $0.severity == .error }) else {
            throw ExitCode(ExitStatus.userInput)
        }
        if json {
            Output.line(try Self.json(prompt))
        } else {
            Output.line(prompt.rendered)
        }
    }

    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// A composed request as aligned lines.
enum RequestPrinter {
    static func print(_ request: Request, backend: String, referenceLimit: Int) {
        var rows: [(String, String)] = [
            ("backend", backend), ("prompt", request.prompt),
        ]
        if request.weightedPrompt.count > 1 {
            rows.append(("weights", request.weightedPrompt.map { "\($0.text)::\($0.weight)" }.joined(separator: " ")))
        }
        rows.append(("negative", request.negative ?? "-"))
        rows.append(("size", "\(request.width)×\(request.height) (\(request.aspect))"))
        rows.append(("seed", "\(request.seed) (candidates \(request.count))"))
        if let initImage = request.initImage {
            rows.append(("init", "\(initImage), strength \(request.strength.map { String($0) } ?? "-")"))
        }
        rows += RequestPrinter.references(of: request, limit: referenceLimit)
        for reference in request.styleReferences { rows.append(("sref", reference.source.description)) }
        if let framing = request.framing { rows.append(("framing", framing.rawValue)) }
        if let angle = request.angle { rows.append(("angle", angle.rawValue)) }
        let options = request.options
        let knobs = [
            options.model.map { "model \($0)" }, options.stylize.map { "stylize \($0)" },
            options.chaos.map { "chaos \($0)" },
            options.weird.map { "weird \($0)" }, options.quality.map { "quality \($0)" }, options.tile ? "tile" : nil,
            options.raw ? "raw" : nil,
        ].compactMap { $0 }
        if !knobs.isEmpty { rows.append(("options", knobs.joined(separator: ", "))) }
        for (label, value) in rows { Output.line(label.padding(toLength: 9, withPad: " ", startingAt: 0) + value) }
    }
}
