import Foundation
import ReelKit
import Testing

@Suite struct PromptCodingTests {
    private func json(_ prompt: Prompt) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(prompt), as: UTF8.self)
    }

    @Test func jsonShowsOnlyWhatThePromptSets() throws {
        let prompt = try Prompt(
            parsing: "<https://x.com/a.png> city::2 fire::-0.5 --ar 7:3 --niji 6 --q .5 --raw --no text --sref 42::2")
        #expect(
            try json(prompt)
                == #"{"aspect":{"height":3,"width":7},"#
                + #""imagePrompts":[{"source":"https:\/\/x.com\/a.png"}],"no":["text"],"#
                + #""parts":[{"text":"city","weight":2},{"text":"fire","weight":-0.5}],"quality":0.5,"raw":true,"#
                + #""styleReferences":[{"source":"42","weight":2}],"version":{"model":"niji","number":"6"}}"#)
        #expect(try json(Prompt()) == "{}")
        #expect(try json(Prompt(version: ModelVersion(model: .niji, number: nil))) == #"{"version":{"model":"niji"}}"#)
    }

    @Test func decodingFillsWhatIsMissingAndRejectsVersionsThatDoNotExist() throws {
        let decoder = JSONDecoder()
        #expect(try decoder.decode(Prompt.self, from: Data("{}".utf8)) == Prompt())
        #expect(
            try decoder.decode(Prompt.self, from: Data(#"{"seed":7,"tile":true}"#.utf8)) == Prompt(seed: 7, tile: true))
        #expect(throws: DecodingError.self) {
            try decoder.decode(Prompt.self, from: Data(#"{"version":{"model":"midjourney","number":"9"}}"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try decoder.decode(Prompt.self, from: Data(#"{"version":{"model":"midjourney"}}"#.utf8))
        }
    }
}
