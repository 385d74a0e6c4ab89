import ReelKit
import Testing

/// Who stands where: the `cast:` field, then the prompt's words, then the naming order.
@Suite struct PlacementTests {
    static let yaml = """
        title: Two
        characters:
          oda: { description: a keeper in a yellow coat, references: [refs/oda.png] }
          kit: { description: a girl in a red raincoat, references: [refs/kit1.png, refs/kit2.png] }
          bo: a boy in green
        shots:
          - { id: field, prompt: "@oda and @kit turn the crank", cast: { oda: right, kit: left } }
          - { id: words, prompt: "@oda on the right, @kit on the left, at the crank" }
          - { id: order, prompt: "@kit, @bo and @oda on the pier" }
          - { id: alone, prompt: "@oda at the lamp --cref refs/extra.png" }
          - { id: empty, prompt: a stormy sea }
        """

    func people(_ id: String) throws -> [PlacedPerson] {
        let film = try FilmLoader().load(text: Self.yaml, fileName: "film.yaml")
        return Composer(film: film).compose(try #require(film.shot(id))).request.placedPeople
    }

    @Test func theCastFieldPlacesPeople() throws {
        let people = try people("field")
        #expect(people.map(\.character) == ["kit", "oda"])
        #expect(people.map(\.region) == [ScreenRegion(left: 0, right: 0.5), ScreenRegion(left: 0.5, right: 1)])
        #expect(people[0].references == [WeightedImage(.path("refs/kit1.png")), WeightedImage(.path("refs/kit2.png"))])
        #expect(people[1].description == "a keeper in a yellow coat")
    }

    @Test func thePromptsWordsPlacePeople() throws {
        #expect(try people("words").map(\.character) == ["kit", "oda"])
    }

    @Test func withoutPositionsTheNamingOrderRunsLeftToRight() throws {
        let people = try people("order")
        #expect(people.map(\.character) == ["kit", "bo", "oda"])
        #expect(people.map(\.region.words) == ["on the left", "in the centre", "on the right"])
    }

    @Test func placedReferencesComeFirstInPersonOrder() throws {
        let film = try FilmLoader().load(text: Self.yaml, fileName: "film.yaml")
        let request = Composer(film: film).compose(try #require(film.shot("field"))).request
        #expect(
            request.characterReferences.map(\.source) == [
                .path("refs/kit1.png"), .path("refs/kit2.png"), .path("refs/oda.png"),
            ])
    }

    @Test func aShotWithOneOrNoCharacterKeepsItsEncoding() throws {
        // Step keys hash this encoding: takes made before placement existed must stay current.
        let film = try FilmLoader().load(text: Self.yaml, fileName: "film.yaml")
        let composer = Composer(film: film)
        for id in ["alone", "empty"] {
            let request = composer.compose(try #require(film.shot(id))).request
            #expect(request.placedPeople.isEmpty)
            #expect(!(try CanonicalEncoding.string(request)).contains("people"))
        }
        let alone = composer.compose(try #require(film.shot("alone"))).request
        #expect(alone.people?.map(\.character) == ["oda"])
        #expect(alone.characterReferences.map(\.source) == [.path("refs/extra.png"), .path("refs/oda.png")])
        #expect(
            try CanonicalEncoding.string(composer.compose(try #require(film.shot("field"))).request).contains("people"))
    }

    @Test func positionsAreReadForgivingly() {
        #expect(ScreenPosition(parsing: "Center") == .centre)
        #expect(ScreenPosition(parsing: "centre left") == .centreLeft)
        #expect(ScreenPosition(parsing: "middle") == .centre)
        #expect(ScreenPosition(parsing: "up") == nil)
    }

    @Test(arguments: [
        (
            "cast: { oda: left, kat: right }",
            "'kat' in the cast of shot 'two' is not a character (did you mean 'kit'?)", 6, 60
        ),
        (
            "cast: { oda: left, kit: rigth }",
            "unknown position 'rigth' for 'kit' in shot 'two' (did you mean 'right'?)", 6, 65
        ),
        ("cast: { oda: left, kit: left }", "'kit' and 'oda' both stand left in shot 'two'", 6, 65),
        ("cast: [oda, kit]", "'cast' must be a mapping of characters to positions", 6, 47),
    ])
    func badCastIsALocatedError(field: String, message: String, line: Int, column: Int) throws {
        let yaml = """
            title: Two
            characters:
              oda: a keeper in a yellow coat
              kit: a girl in a red raincoat
            shots:
              - { id: two, prompt: "@oda and @kit", \(field) }
            """
        let result = FilmLoader().check(text: yaml, fileName: "film.yaml")
        let error = try #require(result.errors.first)
        #expect(error.message.contains(message), "\(error.message)")
        #expect(error.location == ReelKit.SourceLocation(file: "film.yaml", line: line, column: column))
    }
}
