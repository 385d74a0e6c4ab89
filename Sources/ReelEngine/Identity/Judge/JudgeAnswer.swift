import Foundation
import ReelFaces

/// A judge's answer that Reel could not read: the candidate fails alone with this message.
public struct JudgeAnswerError: Error, Sendable, CustomStringConvertible {
    public let reason: String
    public var description: String { "judge answered something Reel cannot read (\(reason))" }
}

/// Reads a judge's JSON answer into verdicts: not present → `missing`; present but not the same
/// character → `drift`; two characters the judge puts in one place → `merged`; with two or three
/// placed characters, one standing in another's place (left, center, right in placement order)
/// → `swapped`; else `match`.
enum JudgeAnswer {
    struct Wire: Decodable {
        struct Entry: Decodable {
            let name: String
            let present: Bool
            let sameperson: Bool?
            let position: String?
            let confidence: Double?

            enum CodingKeys: String, CodingKey {
                case name, present, position, confidence
                case sameperson = "same_person"
            }
        }

        let characters: [Entry]
    }

    static let places = ["left", "center", "right"]

    static func read(_ text: String, characters: [String], placement: [String]?) throws -> [JudgeCharacterScore] {
        let wire: Wire
        do {
            wire = try JSONDecoder().decode(Wire.self, from: Data(jsonPart(of: text).utf8))
        } catch {
            throw JudgeAnswerError(reason: "not the JSON asked for: \(text.prefix(80).debugDescription)")
        }
        var entries: [String: Wire.Entry] = [:]
        for entry in wire.characters { entries[entry.name.lowercased()] = entries[entry.name.lowercased()] ?? entry }
        let placed = (placement ?? []).filter { characters.contains($0) }
        let expected: [String: String] =
            placed.count == 2
            ? [placed[0]: "left", placed[1]: "right"]
            : placed.count == 3 ? Dictionary(uniqueKeysWithValues: zip(placed, places)) : [:]
        var scores: [JudgeCharacterScore] = []
        for name in characters {
            guard let entry = entries[name.lowercased()] else {
                throw JudgeAnswerError(reason: "no answer for \(name)")
            }
            let position = entry.present ? entry.position.map { $0.lowercased() }.flatMap(normalised) : nil
            let confidence = min(1, max(0, entry.confidence ?? 0.5))
            var verdict = IdentityVerdict.match
            var other: String?
            if !entry.present {
                verdict = .missing
            } else if entry.sameperson != true {
                verdict = .drift
            } else if let position, let sharer = sharer(of: name, at: position, entries: entries, among: characters) {
                (verdict, other) = (.merged, sharer)
            } else if let position, let want = expected[name], position != want {
                (verdict, other) = (.swapped, expected.first { $0.value == position }?.key)
            }
            scores.append(
                JudgeCharacterScore(
                    character: name, verdict: verdict, position: position, confidence: confidence, other: other))
        }
        return scores
    }

    /// `centre` and `middle` read as `center`; anything else not a place is dropped.
    private static func normalised(_ position: String) -> String? {
        let word = ["centre": "center", "middle": "center"][position] ?? position
        return places.contains(word) ? word : nil
    }

    /// Another character the judge saw as the same character in the same place: one figure for two.
    private static func sharer(
        of name: String, at position: String, entries: [String: Wire.Entry], among characters: [String]
    ) -> String? {
        characters.first { other in
            guard other != name, let entry = entries[other.lowercased()] else { return false }
            return entry.present && entry.sameperson == true
                && entry.position.map { $0.lowercased() }.flatMap(normalised) == position
        }
    }

    /// The answer's JSON object: the text itself, or what lies between its first `{` and last
    /// `}` when a model wrapped it in a code fence or words.
    static func jsonPart(of text: String) -> String {
        guard let open = text.firstIndex(of: "{"), let close = text.lastIndex(of: "}"), open < close else {
            return text
        }
        return String(text[open...close])
    }
}
