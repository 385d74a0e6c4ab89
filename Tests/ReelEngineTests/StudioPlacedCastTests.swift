import Foundation
import ReelKit
import ReelStore
import ReelTesting
import Testing

@testable import ReelEngine

/// Two placed people on the `sketch` backend and a real store: each person carries their own
/// sheet pick, the plan warns about what the backend drops before anything is made, and a new
/// sheet pick remakes exactly the shots that name that character.
@Suite struct StudioPlacedCastTests {
    static let film = """
        title: Two
        aspect: "16:9"
        cast_sheets: true
        characters:
          oda: an old keeper in a yellow coat
          kit: a small girl in a red raincoat
        shots:
          - { id: two, prompt: "@oda and @kit turn the crank", cast: { oda: right, kit: left }, duration: 1 }
          - { id: keeper, prompt: "@oda at the lamp", duration: 1 }
          - { id: girl, prompt: "@kit on the pier", duration: 1 }
          - { id: sea, prompt: "a stormy sea", duration: 1 }
        """

    func request(of shot: String, in studio: Studio) throws -> Request {
        let pick = try #require(try studio.store.pick(for: shot))
        return try #require(try studio.store.take(id: pick.takeID)).decodedRequest()
    }

    func sheetPick(_ sheet: String, in studio: Studio) throws -> ImageSource {
        .blob(try #require(try studio.store.pickedCandidate(for: sheet)).blob.hex)
    }

    @Test func eachPersonCarriesTheirOwnSheetAndANewPickRemakesExactlyTheirShots() async throws {
        try await withTemporaryDirectory { parent in
            let studio = try TestStudio.open(try TestFilms.makeProject(Self.film, in: parent))
            let report = try await studio.make()
            #expect(report.failures.isEmpty, "\(report.failures)")
            let (oda, kit) = (try sheetPick("@oda", in: studio), try sheetPick("@kit", in: studio))
            let two = try request(of: "two", in: studio)
            #expect(two.placedPeople.map(\.character) == ["kit", "oda"])
            #expect(two.placedPeople.map { $0.references.map(\.source) } == [[kit], [oda]])
            #expect(two.characterReferences.map(\.source) == [kit, oda])
            #expect(try request(of: "keeper", in: studio).characterReferences.map(\.source) == [oda])

            // A new pick of oda's sheet remakes the shots that name her, and only those.
            let sheet = try #require(try studio.store.takes(shot: "@oda").first)
            _ = try studio.pick(shotID: "@oda", candidate: CandidateReference(parsing: "\(sheet.id):3"))
            let after = try studio.plan()
            #expect(after.step("take:two")?.willRun == true && after.step("take:keeper")?.willRun == true)
            #expect(after.step("take:girl")?.willRun == false && after.step("take:sea")?.willRun == false)
            // sketch takes each person's sheet, so nothing is said dropped, and the remade two-shot
            // draws oda in her new sheet's look: its pixels change.
            let warnings = after.step("take:two")?.warnings ?? []
            #expect(!warnings.contains { $0.contains("character references") || $0.contains("words alone") })
            let before = try #require(try studio.store.pickedCandidate(for: "two")).blob
            #expect(try await studio.make().failures.isEmpty)
            let remade = try #require(try studio.store.pickedCandidate(for: "two")).blob
            #expect(remade != before)
        }
    }
}

/// What the plan says when a backend takes fewer references than a placed shot has.
@Suite struct ReferenceNotesTests {
    /// A backend that declares room for `limit` character references and draws nothing.
    struct Declared: ImageBackend {
        var limit: Int
        var name: String { "narrow" }
        var capabilities: ImageCapabilities {
            ImageCapabilities(
                initImage: false, seed: true, negativePrompt: true, characterReferences: limit > 0,
                characterReferenceLimit: limit, placesPeople: true)
        }
        func generate(_ request: Request, context: GenerationContext) async throws -> [GeneratedImage] { [] }
    }

    static func twoPeople() -> Request {
        let kit = [WeightedImage(.blob("k1")), WeightedImage(.blob("k2"))]
        let oda = [WeightedImage(.blob("o1"))]
        return Request(
            prompt: "two", characterReferences: kit + oda,
            people: [
                PlacedPerson(character: "kit", description: "a girl", region: .column(0, of: 2), references: kit),
                PlacedPerson(character: "oda", description: "a keeper", region: .column(1, of: 2), references: oda),
            ])
    }

    @Test func aBackendWithRoomForOneSaysWhoIsDrawnFromWordsAndWhatIsDropped() {
        let notes = Studio.referenceNotes(of: Self.twoPeople(), by: Declared(limit: 1))
        #expect(notes.contains("backend 'narrow' takes 1 character reference, so oda is drawn from words alone"))
        #expect(
            notes.contains(
                "backend 'narrow' takes 1 character reference; dropped: kit's reference 2 (blob k2), oda's reference 1 (blob o1)"
            ))
        #expect(Studio.referenceNotes(of: Self.twoPeople(), by: Declared(limit: 3)).isEmpty)
    }
}
