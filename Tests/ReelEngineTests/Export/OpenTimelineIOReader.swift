import Foundation
import Testing

/// Reads exported timelines back with the real OpenTimelineIO library (PyPI `opentimelineio`
/// with its `otio-fcpx-xml-adapter` and `otio-cmx3600-adapter`, installed by scripts/bootstrap)
/// in a `python3` child process, and returns what it found as plain values.
enum OpenTimelineIOReader {
    /// One child of the video track as OTIO reads it; times in frames.
    struct Item: Decodable, Equatable {
        var type: String
        var name: String
        var start: Int?
        var duration: Int?
        var visibleStart: Int?
        var visibleDuration: Int?
        var url: String?
        var inOffset: Int?
        var outOffset: Int?
        var transitionType: String?
        var markers: [Marker]
        var reel: [String: JSONScalar]?
    }

    struct Marker: Decodable, Equatable {
        var name: String
        var start: Int
        var duration: Int
    }

    struct Timeline: Decodable {
        var name: String
        var duration: Int
        var tracks: Int
        var items: [Item]
        /// Media paths of the FCPXML assets by name, and its transitions (the adapter skips both).
        var fcpxmlMedia: [String: String]?
        var fcpxmlTransitions: [[String: String]]?
    }

    enum JSONScalar: Decodable, Equatable {
        case string(String), number(Double), null
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else {
                self = .string(try container.decode(String.self))
            }
        }
    }

    /// Reads `url` with the adapter OTIO picks from its extension (`rate` for EDLs).
    static func read(_ url: URL, rate: Int) throws -> Timeline {
        let process = Process()
        process.executableURL = URL(filePath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, url.path, String(rate)]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ReaderError(message: "OpenTimelineIO could not read \(url.lastPathComponent): \(errorText)")
        }
        return try JSONDecoder().decode(Timeline.self, from: data)
    }

    struct ReaderError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    static let script = #"""
        import json, sys
        import xml.etree.ElementTree as ET
        import opentimelineio as otio

        path, rate = sys.argv[1], int(sys.argv[2])
        kwargs = {"rate": rate} if path.endswith(".edl") else {}
        timeline = otio.adapters.read_from_file(path, **kwargs)
        if isinstance(timeline, otio.schema.SerializableCollection):
            timeline = timeline[0]

        def frames(time):
            return None if time is None else int(round(time.rescaled_to(rate).value))

        items = []
        for child in timeline.video_tracks()[0]:
            item = {"type": child.schema_name(), "name": child.name, "markers": []}
            if isinstance(child, otio.schema.Transition):
                item.update(inOffset=frames(child.in_offset), outOffset=frames(child.out_offset),
                            transitionType=child.transition_type)
            else:
                trimmed = child.trimmed_range()
                visible = child.visible_range()
                item.update(start=frames(trimmed.start_time), duration=frames(trimmed.duration),
                            visibleStart=frames(visible.start_time), visibleDuration=frames(visible.duration))
                reference = getattr(child, "media_reference", None)
                item["url"] = getattr(reference, "target_url", None)
                item["markers"] = [{"name": m.name, "start": frames(m.marked_range.start_time),
                                    "duration": frames(m.marked_range.duration)} for m in child.markers]
                reel = child.metadata.get("reel")
                if reel is not None:
                    item["reel"] = {k: v for k, v in reel.items() if v is None or isinstance(v, (str, int, float))}
            items.append(item)

        result = {"name": timeline.name, "duration": frames(timeline.duration()),
                  "tracks": len(timeline.tracks), "items": items}
        if path.endswith(".fcpxml"):
            root = ET.parse(path).getroot()
            result["fcpxmlMedia"] = {a.get("name"): a.find("media-rep").get("src")
                                     for a in root.iter("asset")}
            result["fcpxmlTransitions"] = [dict(t.attrib) for t in root.iter("transition")]
        print(json.dumps(result))
        """#
}
