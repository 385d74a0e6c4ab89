import Foundation
import ReelKit
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct FCPXMLWriterTests {
    @Test func spineTimesAreWholeFramesAndTheDissolveSitsOnTheEditPoint() throws {
        let lines = ["wide": [DialogLine(speaker: "ria", text: "Let it burn.")]]
        let document = try XMLDocument(data: Data(FCPXMLWriter().write(ExportFixtures.timeline(lines: lines)).utf8))
        let root = try #require(document.rootElement())
        #expect(root.name == "fcpxml" && root.attribute(forName: "version")?.stringValue == "1.9")
        let format = try #require(try root.nodes(forXPath: "resources/format").first as? XMLElement)
        #expect(format.attribute(forName: "frameDuration")?.stringValue == "1/24s")
        let sources = try root.nodes(forXPath: "resources/asset/media-rep/@src").map { $0.stringValue ?? "" }
        #expect(sources == ["wide", "face", "glow"].map { "file:///films/harbour/out/clips/\($0).mp4" })
        let spine = try #require(try root.nodes(forXPath: "library/event/project/sequence/spine").first as? XMLElement)
        let children = (spine.children ?? []).compactMap { $0 as? XMLElement }
        #expect(children.map { $0.name ?? "" } == ["gap", "asset-clip", "transition", "asset-clip", "asset-clip"])
        func attribute(_ name: String) -> [String] { children.map { $0.attribute(forName: name)?.stringValue ?? "-" } }
        #expect(attribute("offset") == ["0s", "24/24s", "65/24s", "68/24s", "89/24s"])
        #expect(attribute("duration") == ["24/24s", "44/24s", "7/24s", "21/24s", "36/24s"])
        #expect(attribute("start") == ["0s", "0s", "-", "3/24s", "0s"])
        let marker = try #require(try spine.nodes(forXPath: "asset-clip/marker").first as? XMLElement)
        #expect(marker.attribute(forName: "value")?.stringValue == "RIA: Let it burn.")
        #expect(marker.attribute(forName: "start")?.stringValue == "7/24s")
        let sequence = try #require(spine.parent as? XMLElement)
        #expect(sequence.attribute(forName: "duration")?.stringValue == "125/24s")
    }

    @Test func hostileTextStaysWellFormed() throws {
        let nasty = "a \"quoted\" <tag> & 'apostrophe'\nnew line\u{07}bell ]]> end"
        let items: [EditTimeline.Item] = [
            .init(
                name: "x", content: .clip(ExportFixtures.clip("x")), frames: 24,
                lines: [DialogLine(speaker: "ria", text: nasty)])
        ]
        let timeline = EditTimeline(title: nasty, fps: 24, width: 2, height: 2, items: items, transitions: [])
        let document = try XMLDocument(data: Data(FCPXMLWriter().write(timeline).utf8))
        let project = try #require(try document.nodes(forXPath: "//project").first as? XMLElement)
        #expect(project.attribute(forName: "name")?.stringValue == nasty.replacingOccurrences(of: "\u{07}", with: ""))
    }
}
