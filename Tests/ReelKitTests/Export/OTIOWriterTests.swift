import Foundation
import ReelKit
import Testing

@Suite struct OTIOWriterTests {
    func parse(_ timeline: EditTimeline) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(OTIOWriter().write(timeline).utf8))
        return try #require(object as? [String: Any])
    }

    @Test func oneVideoTrackOfGapsClipsAndCentredDissolves() throws {
        let document = try parse(ExportFixtures.timeline())
        #expect(document["OTIO_SCHEMA"] as? String == "Timeline.1")
        let stack = try #require(document["tracks"] as? [String: Any])
        let track = try #require((stack["children"] as? [[String: Any]])?.first)
        #expect(track["kind"] as? String == "Video")
        let children = try #require(track["children"] as? [[String: Any]])
        #expect(
            children.map { $0["OTIO_SCHEMA"] as? String } == ["Gap.1", "Clip.2", "Transition.1", "Clip.2", "Clip.2"])
        func frames(_ time: Any?) -> Double? { (time as? [String: Any])?["value"] as? Double }
        let ranges = children.map { $0["source_range"] as? [String: Any] }
        #expect(ranges.map { frames($0?["duration"]) } == [24, 44, nil, 21, 36])
        #expect(ranges.map { frames($0?["start_time"]) } == [0, 0, nil, 3, 0])
        #expect(frames(children[2]["in_offset"]) == 3 && frames(children[2]["out_offset"]) == 4)
        let reel = try #require((children[1]["metadata"] as? [String: Any])?["reel"] as? [String: Any])
        #expect(reel["prompt"] as? String == "a cliff, \"dawn\" & fire")
        #expect(reel["seed"] as? Int == 42 && reel["take"] as? Int == 3 && reel["candidate"] as? Int == 2)
        #expect(reel["fade_in_frames"] as? Int == 12)
        let references = try #require(children[1]["media_references"] as? [String: Any])
        let media = try #require(references["DEFAULT_MEDIA"] as? [String: Any])
        #expect(media["target_url"] as? String == "file:///films/harbour/out/clips/wide.mp4")
        #expect(frames((media["available_range"] as? [String: Any])?["duration"]) == 48)
    }

    @Test func controlCharactersAndQuotesAreEscaped() throws {
        let nasty = "\"quote\" \\ back\nline\t\u{01}\u{1F} é 🎬"
        let timeline = EditTimeline(
            title: nasty, fps: 24, width: 2, height: 2,
            items: [.init(name: "x", content: .card(text: nasty, subtitle: nil), frames: 1)], transitions: [])
        #expect(try parse(timeline)["name"] as? String == nasty)
    }
}
