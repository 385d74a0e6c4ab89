import Foundation
import Hummingbird
import ReelKit
import ReelStore

/// An API error: it chooses its own status and answers
/// `{"error": {"code": "...", "message": "...", "diagnostics": [...], "actions": [...]}}`.
///
/// Any ``ReelFailure`` becomes one by lookup: its code, its message with the suggested actions
/// in the studio's own words (never a CLI command), and the status its kind stands for.
public struct ServerError: ReelFailure, HTTPResponseError {
    public struct Code: FailureCode {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        init(_ rawValue: String) { self.rawValue = rawValue }

        public static let invalidInput = Code("invalid-input")
        public static let invalidFilm = Code("invalid-film")
        public static let notFound = Code("not-found")
        public static let unauthorized = Code("unauthorized")
        public static let forbidden = Code("forbidden")
        public static let backend = Code("backend")
        public static let unavailable = Code("unavailable")
        public static let interrupted = Code("interrupted")
        public static let `internal` = Code("internal")

        /// The kind a studio code stands for; codes of other errors carry their own.
        var kind: FailureKind { FailureKind(rawValue: rawValue) ?? .internal }
    }

    public var code: Code
    /// What went wrong, ending with the suggested actions in the studio's words.
    public var message: String
    public var kind: FailureKind
    public var suggestions: [SuggestedAction]
    /// Problems in film.yaml, for `invalid-film`.
    public var diagnostics: [Diagnostic]

    public init(
        _ code: Code, _ message: String, suggesting suggestions: [SuggestedAction] = [],
        diagnostics: [Diagnostic] = []
    ) {
        self.code = code
        self.message =
            suggestions.isEmpty ? message : message + "; " + StudioWords.list(suggestions.map(StudioWords.phrase))
        self.kind = code.kind
        self.suggestions = suggestions
        self.diagnostics = diagnostics
    }

    /// Maps any error the engine, store or loader throws to what the page should show.
    public init(_ error: any Error) {
        switch error {
        case let error as ServerError:
            self = error
        case let error as DiagnosticsError:
            let errors = error.diagnostics.filter { $0.severity == .error }
            self.init(
                .invalidFilm, "film.yaml has \(errors.count) problem\(errors.count == 1 ? "" : "s"); fix it and reload",
                diagnostics: error.diagnostics)
        case let failure as any ReelFailure:
            self.init(Code(failure.code.rawValue), failure.message, suggesting: failure.suggestions)
            kind = failure.kind
        case let error as DecodingError:
            self.init(.invalidInput, "the request body is not what this endpoint takes: \(error)")
        case is CancellationError:
            self.init(.interrupted, "the work was stopped; what was finished is kept")
        default:
            self.init(.internal, "\(error)")
        }
    }

    public var status: HTTPResponse.Status { HTTPResponse.Status(code: httpStatus) }

    public var description: String { "\(code.rawValue): \(message)" }

    struct Body: Encodable {
        struct Action: Encodable {
            var action: String
            var shot: String?
            var label: String
        }
        struct Detail: Encodable {
            var code: String
            var message: String
            var diagnostics: [Diagnostic]?
            var actions: [Action]?
        }
        var error: Detail
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let actions = suggestions.map { Body.Action(action: $0.name, shot: $0.shot, label: StudioWords.label($0)) }
        let body = Body(
            error: .init(
                code: code.rawValue, message: message, diagnostics: diagnostics.isEmpty ? nil : diagnostics,
                actions: actions.isEmpty ? nil : actions))
        var response = try JSONResponse.make(body, status: status)
        if code == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer" }
        return response
    }
}
