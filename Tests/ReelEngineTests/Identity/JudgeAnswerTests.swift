import Foundation
import Testing

@testable import ReelEngine

/// Reading a judge's JSON into verdicts, and what is not read.
@Suite struct JudgeAnswerTests {
    static func entry(
        _ name: String, present: Bool = true, same: Bool = true, at position: String = "center"
    )
        -> String
    {
        #"{"name": "\#(name)", "present": \#(present), "same_person": \#(same), "position": "\#(position)", "confidence": 0.7}"#
    }

    static func answer(_ entries: String...) -> String { #"{"characters": [\#(entries.joined(separator: ","))]}"# }

    func verdicts(_ text: String, _ characters: [String], placement: [String]? = nil) throws -> [String] {
        try JudgeAnswer.read(text, characters: characters, placement: placement).map {
            $0.verdict.rawValue + ($0.other.map { ":\($0)" } ?? "")
        }
    }

    @Test func presentSameAndInPlaceIsAMatchAndTheRestReadAsDlibsVerdicts() throws {
        let text = Self.answer(
            Self.entry("oda"), Self.entry("kit", same: false), Self.entry("ren", present: false))
        #expect(try verdicts(text, ["oda", "kit", "ren"]) == ["match", "drift", "missing"])
    }

    @Test func placedPeopleInEachOthersPlacesAreSwapped() throws {
        let text = Self.answer(Self.entry("oda", at: "right"), Self.entry("kit", at: "left"))
        #expect(try verdicts(text, ["oda", "kit"], placement: ["oda", "kit"]) == ["swapped:kit", "swapped:oda"])
        #expect(try verdicts(text, ["oda", "kit"], placement: ["kit", "oda"]) == ["match", "match"])
    }

    @Test func twoCharactersInOnePlaceAreMerged() throws {
        let text = Self.answer(Self.entry("oda", at: "center"), Self.entry("kit", at: "centre"))
        #expect(try verdicts(text, ["oda", "kit"], placement: ["oda", "kit"]) == ["merged:kit", "merged:oda"])
    }

    @Test func aFencedAnswerIsReadAndConfidenceRanksAMatch() throws {
        let text = "```json\n" + Self.answer(Self.entry("Oda")) + "\n```"
        let read = try JudgeAnswer.read(text, characters: ["oda"], placement: nil)
        #expect(read.map(\.verdict.rawValue) == ["match"])
        let score = JudgeScore(backend: "gemini", model: "m", promptVersion: JudgePrompt.version, characters: read)
        #expect(abs(score.penalty - 0.15) < 1e-9)
        #expect(score.holds)
    }

    @Test(arguments: [
        "I think it is the same person.", #"{"characters": "yes"}"#, #"{"characters": []}"#,
        #"{"characters": [{"name": "oda"}]}"#,
    ])
    func anAnswerReelCannotReadIsAnErrorThatSaysSo(_ text: String) {
        #expect {
            _ = try JudgeAnswer.read(text, characters: ["oda"], placement: nil)
        } throws: { error in
            "\(error)".hasPrefix("judge answered something Reel cannot read")
        }
    }
}
