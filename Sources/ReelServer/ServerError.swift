import Foundation
import Hummingbird
import ReelKit
import ReelStore

/// An API error: it chooses its own status and answers
/// `{"error": {"code": "...", "message": "...", "diagnostics": [...]}}`.
public struct ServerError: Error, Sendable, HTTPResponseError, CustomStringConvertible {
    public struct Code: RawRepresentable, Hashable, Sendable {
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
        public static let `internal` = Code("internal")
    }

    public var code: Code
    public var message: String
    /// Problems in film.yaml, for `invalid-film`.
    public var diagnostics: [Diagnostic]

    public init(_ code: Code, _ message: String, diagnostics: [Diagnostic] = []) {
        self.code = code
        self.message = message
        self.diagnostics = diagnostics
    }

    /// Maps any error the engine, store or loader throws to what the page should show.
    public init(_ error: any Error) {
        switch error {
        case let error as ServerError:
            self = error
        case let error as ReelError:
            let code: Code =
                switch error.code {
                case .notFound: .notFound
                case .invalidInput: .invalidInput
                case .backend: .backend
                default: .internal
                }
            self.init(code, error.message)
        case let error as DiagnosticsError:
            let errors = error.diagnostics.filter { $0.severity == .error }
            self.init(
                .invalidFilm, "film.yaml has \(errors.count) problem\(errors.count == 1 ? "" : "s"); fix it and reload",
                diagnostics: error.diagnostics)
        case let error as StoreError:
            let code: Code =
                switch error.code {
                case .notFound, .missingBlob: .notFound
                case .invalidBlobID: .invalidInput
                default: .internal
                }
            self.init(code, error.message)
        case let error as DecodingError:
            self.init(.invalidInput, "the request body is not what this endpoint takes: \(error)")
        default:
            self.init(.internal, "\(error)")
        }
    }

    public var status: HTTPResponse.Status {
        switch code {
        case .invalidInput: .badRequest
        case .invalidFilm: .unprocessableContent
        case .notFound: .notFound
        case .unauthorized: .unauthorized
        case .forbidden: .forbidden
        case .backend: .badGateway
        case .unavailable: .serviceUnavailable
        default: .internalServerError
        }
    }

    public var description: String { "\(code.rawValue): \(message)" }

    struct Body: Encodable {
        struct Detail: Encodable {
            var code: String
            var message: String
            var diagnostics: [Diagnostic]?
        }
        var error: Detail
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = Body(
            error: .init(code: code.rawValue, message: message, diagnostics: diagnostics.isEmpty ? nil : diagnostics))
        var response = try JSONResponse.make(body, status: status)
        if code == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer" }
        return response
    }
}
