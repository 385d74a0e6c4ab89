import Foundation
import ReelEngine
import ReelKit
import ReelStore
import ReelTesting
import Testing

/// Reference sheets on the `sketch` backend and a real store: `cast_sheets: true` makes each
/// character's and place's sheet first, every shot that names one carries its pick as its first
/// reference, and a new sheet pick remakes exactly the shots that name it.
@Suite struct StudioCastSheetTests {
    static let film = """
        title: Sheets
        aspect: "16:9"
        cast_sheets: true
        characters:
          vela: a young woman with a cropped black bob and a long grey coat
        locations:
          arcadia: a city of slender silver towers
        shots:
          - { id: cliff, prompt: "@vela on a cliff at dusk", duration: 1 }
          - { id: city, prompt: "@arcadia at night", duration: 1 }
          - { id: ship, prompt: "a ship over the sea", duration: 1 }
        """

    /// The blob hashes a shot's picked take was made with as character references.
    func references(of shot: String, in studio: Studio) throws -> [String] {
        let pick = try #require(try studio.store.pick(for: shot))
        let take = try #require(try studio.store.take(id: pick.takeID))
        return try take.decodedRequest().characterReferences.map { reference in
            guard case .blob(let hash) = reference.source else { return "\(reference.source)" }
            return hash
        }
    }

    func sheetPick(_ sheet: String, in studio: Studio) throws -> String {
        try #require(try studio.store.pickedCandidate(for: sheet)).blob.hex
    }

    @Test func sheetsAreMadeFirstAndEveryShotThatNamesOneCarriesIt() async throws {
        try await withTemporaryDirectory { parent in
            let studio = try TestStudio.open(try TestFilms.makeProject(Self.film, in: parent))
            let plan = try studio.plan()
            #expect(plan.step("take:@vela")?.willRun == true && plan.step("take:@arcadia")?.willRun == true)
            #expect(plan.step("take:cliff")?.dependsOn.contains("take:@vela") == true)
            #expect(plan.step("take:cliff")?.reason == .after("take:@vela"))

            let report = try await studio.make()
            #expect(report.failures.isEmpty, "\(report.failures)")
            #expect(try references(of: "cliff", in: studio) == [try sheetPick("@vela", in: studio)])
            #expect(try references(of: "city", in: studio) == [try sheetPick("@arcadia", in: studio)])
            #expect(try references(of: "ship", in: studio).isEmpty)
            let sheet = try #require(try studio.store.takes(shot: "@vela").first)
            #expect(try sheet.decodedRequest().prompt.contains("cropped black bob"))
            #expect(try sheet.decodedRequest().prompt.contains("profile"))

            // A new pick of Vela's sheet remakes the shot that names her, and only that one.
            _ = try studio.pick(shotID: "@vela", candidate: CandidateReference(parsing: "\(sheet.id):3"))
            let after = try studio.plan()
            #expect(after.step("take:cliff")?.willRun == true)
            #expect(after.step("take:city")?.willRun == false && after.step("take:ship")?.willRun == false)
            _ = try await studio.make()
            #expect(try references(of: "cliff", in: studio) == [try sheetPick("@vela", in: studio)])
            #expect(try studio.plan().toRun.isEmpty)
        }
    }

    /// `reel gen` on a shot before any `make`: the sheets it names are made and picked first.
    @Test func generatingAShotMakesTheSheetsItNamesFirst() async throws {
        try await withTemporaryDirectory { parent in
            let studio = try TestStudio.open(try TestFilms.makeProject(Self.film, in: parent))
            _ = try await studio.generate(shotID: "cliff")
            let take = try #require(try studio.store.takes(shot: "cliff").first)
            let carried = try take.decodedRequest().characterReferences.map(\.source)
            #expect(carried == [.blob(try sheetPick("@vela", in: studio))])
            #expect(try studio.store.pickedCandidate(for: "@arcadia") == nil, "cliff does not name arcadia")
        }
    }

    @Test func castMakesOneSheetOnDemandAndUnknownNamesAreListed() async throws {
        try await withTemporaryDirectory { parent in
            let yaml = Self.film.replacingOccurrences(of: "cast_sheets: true\n", with: "")
            let studio = try TestStudio.open(try TestFilms.makeProject(yaml, in: parent))
            #expect(try studio.plan().step("take:@vela") == nil, "without cast_sheets, sheets are made on demand")
            let (outcome, candidate) = try await studio.ensureCastSheet(named: "vela")
            #expect(outcome.take.shotID == "@vela" && candidate == 1 && !outcome.reused)
            let again = try await studio.ensureCastSheet(named: "@vela")
            #expect(again.outcome.reused && again.outcome.take.id == outcome.take.id)
            _ = try await studio.make()
            #expect(try references(of: "cliff", in: studio) == [try sheetPick("@vela", in: studio)])
            #expect(try references(of: "city", in: studio).isEmpty, "arcadia has no sheet yet")
            let unknown = await #expect(throws: ReelError.self) { try await studio.ensureCastSheet(named: "vlea") }
            #expect(unknown?.message.contains("did you mean 'vela'") == true)
        }
    }
}
