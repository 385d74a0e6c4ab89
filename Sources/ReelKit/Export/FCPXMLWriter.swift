import Foundation

/// Writes an ``EditTimeline`` as FCPXML 1.9 for Final Cut Pro and DaVinci Resolve: one format
/// and one asset per clip (its file in a `media-rep`), and a project whose spine holds the
/// cards as gaps, the shots as `asset-clip`s with their dialog as markers and Reel's facts in a
/// note, and crossfades as Cross Dissolve transitions centred on their edit points.
///
/// Times are rational seconds, `frames/fps` + `s`, so every value is a whole number of frames.
/// Fades through black are left as cuts (each clip's note says where a fade belongs).
public struct FCPXMLWriter: Sendable {
    /// Final Cut Pro's built-in Cross Dissolve.
    static let crossDissolveUID = "FxPlug:4731E73A-8DAC-4113-9A30-AE85B1761265"

    public init() {}

    public func write(_ timeline: EditTimeline) -> String {
        let fps = timeline.fps
        func t(_ frames: Int) -> String { frames == 0 ? "0s" : "\(frames)/\(fps)s" }
        var resources = [
            element(
                "format",
                [
                    ("id", "r1"), ("name", "Reel\(timeline.height)p\(fps)"), ("frameDuration", "1/\(fps)s"),
                    ("width", "\(timeline.width)"), ("height", "\(timeline.height)"),
                ]),
            element("effect", [("id", "r2"), ("name", "Cross Dissolve"), ("uid", Self.crossDissolveUID)]),
        ]
        var assetIDs: [Int: String] = [:]
        for (index, entry) in timeline.entries.enumerated() {
            guard let clip = entry.clip else { continue }
            let id = "r\(resources.count + 1)"
            assetIDs[index] = id
            let source = URL(filePath: clip.path).absoluteString
            resources.append(
                element(
                    "asset",
                    [
                        ("id", id), ("name", entry.name), ("start", "0s"), ("duration", t(clip.mediaFrames)),
                        ("hasVideo", "1"), ("format", "r1"), ("videoSources", "1"),
                    ],
                    children: [element("media-rep", [("kind", "original-media"), ("src", source)])]))
        }
        var spine: [String] = []
        for (index, entry) in timeline.entries.enumerated() {
            let incoming = timeline.transition(into: index)
            if incoming.overlap > 0 {
                let offset = t(entry.recordIn - incoming.beforeCut)
                spine.append(
                    element(
                        "transition",
                        [("name", "Cross Dissolve"), ("offset", offset), ("duration", t(incoming.overlap))],
                        children: [element("filter-video", [("ref", "r2"), ("name", "Cross Dissolve")])]))
            }
            let timing = [
                ("offset", t(entry.recordIn)), ("start", t(entry.sourceIn)), ("duration", t(entry.editFrames)),
            ]
            switch entry.content {
            case .card(let text, let subtitle):
                let note = ([text] + (subtitle.map { [$0] } ?? [])).joined(separator: " — ")
                spine.append(
                    element("gap", [("name", entry.name)] + timing, children: ["<note>\(escape(note))</note>"]))
            case .clip(let clip):
                var body = ["<note>\(escape(self.note(for: clip, index: index, in: timeline)))</note>"]
                for cue in timeline.cues where cue.shot == entry.name {
                    let start = cue.start - entry.recordIn + entry.sourceIn
                    body.append(
                        element(
                            "marker",
                            [("start", t(start)), ("duration", t(cue.end - cue.start)), ("value", cue.displayText)]))
                }
                let attributes =
                    [("ref", assetIDs[index] ?? ""), ("name", entry.name)] + timing + [
                        ("format", "r1"), ("tcFormat", "NDF"),
                    ]
                spine.append(element("asset-clip", attributes, children: body))
            }
        }
        let title = escape(timeline.title)
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE fcpxml>
            <fcpxml version="1.9">
                <resources>
            \(indent(resources.joined(separator: "\n"), 8))
                </resources>
                <library>
                    <event name="\(title)">
                        <project name="\(title)">
                            <sequence format="r1" duration="\(t(timeline.frameCount))" tcStart="0s" tcFormat="NDF">
                                <spine>
            \(indent(spine.joined(separator: "\n"), 24))
                                </spine>
                            </sequence>
                        </project>
                    </event>
                </library>
            </fcpxml>

            """
    }

    private func note(for clip: EditClip, index: Int, in timeline: EditTimeline) -> String {
        var parts = [
            clip.prompt, "seed \(clip.seed)", "\(clip.imageBackend) → \(clip.videoBackend)",
            "take \(clip.takeID) candidate \(clip.candidate)",
        ]
        if case .fade(let frames) = timeline.transition(into: index) { parts.append("fade in \(frames) frames") }
        if case .fade(let frames) = timeline.transition(outOf: index) { parts.append("fade out \(frames) frames") }
        return parts.joined(separator: " · ")
    }

    /// `<name a="…">` with escaped attribute values, its children indented, or `<name …/>`.
    private func element(_ name: String, _ attributes: [(String, String)], children: [String] = []) -> String {
        let open = "<\(name)" + attributes.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
        guard !children.isEmpty else { return open + "/>" }
        return open + ">\n" + indent(children.joined(separator: "\n"), 4) + "\n</\(name)>"
    }

    private func indent(_ text: String, _ spaces: Int) -> String {
        let pad = String(repeating: " ", count: spaces)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { pad + $0 }.joined(separator: "\n")
    }

    /// Text safe inside an XML attribute or element.
    func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\r\n", "\r": out += "&#10;"
            case "\t": out += "&#9;"
            default:
                // XML 1.0 forbids the other control characters outright.
                if character.unicodeScalars.allSatisfy({ $0.value >= 0x20 }) { out.append(character) }
            }
        }
        return out
    }
}
