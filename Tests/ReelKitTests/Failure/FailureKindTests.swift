import ReelKit
import Testing

@Suite struct FailureKindTests {
    /// The documented table: who can fix it decides the exit code and the HTTP status.
    @Test(
        arguments: [
            (FailureKind.invalidInput, 1, 400), (.invalidFilm, 1, 422), (.notFound, 1, 404), (.unauthorized, 1, 401),
            (.forbidden, 1, 403), (.backend, 1, 502), (.missingTool, 1, 503), (.unavailable, 1, 503),
            (.interrupted, 130, 503), (.internal, 2, 500),
        ] as [(FailureKind, Int32, Int)])
    func exitCodeAndStatus(kind: FailureKind, exitCode: Int32, status: Int) {
        #expect(kind.exitCode == exitCode)
        #expect(kind.httpStatus == status)
    }

    @Test func everyKindIsInTheTable() {
        #expect(FailureKind.allCases.count == 10)
    }

    @Test func reelErrorCarriesItsSuggestionsApartFromItsMessage() {
        let error = ReelError(.invalidInput, "shot 'ridge' has no pick", suggesting: [.pick(shot: "ridge"), .make])
        #expect(error.message == "shot 'ridge' has no pick")
        #expect(error.suggestions == [.pick(shot: "ridge"), .make])
        #expect(error.exitCode == 1 && error.httpStatus == 400)
    }

    @Test func diagnosticsPointAtTheFirstError() {
        let location = SourceLocation(file: "film.yaml", line: 3, column: 5)
        let error = DiagnosticsError([
            .warning("odd", at: SourceLocation(file: "film.yaml", line: 1, column: 1)), .error("bad", at: location),
        ])
        #expect(error.location == .source(location))
        #expect(error.code.rawValue == "invalid-film")
        #expect(error.exitCode == 1 && error.httpStatus == 422)
    }
}
