/// Who can fix a failure, which decides how every front end reports it.
///
/// | kind            | exit | HTTP |
/// |-----------------|------|------|
/// | `invalidInput`  | 1    | 400  |
/// | `invalidFilm`   | 1    | 422  |
/// | `notFound`      | 1    | 404  |
/// | `unauthorized`  | 1    | 401  |
/// | `forbidden`     | 1    | 403  |
/// | `backend`       | 1    | 502  |
/// | `missingTool`   | 1    | 503  |
/// | `unavailable`   | 1    | 503  |
/// | `interrupted`   | 130  | 503  |
/// | `internal`      | 2    | 500  |
public enum FailureKind: String, Sendable, Hashable, CaseIterable {
    /// What the user typed or sent is wrong.
    case invalidInput = "invalid-input"
    /// The film file (or other text the user wrote) has problems, reported as diagnostics.
    case invalidFilm = "invalid-film"
    /// Something the user named does not exist: a shot, a take, a file, a project.
    case notFound = "not-found"
    /// The request carries no valid credentials.
    case unauthorized
    /// The request is not allowed from where it came.
    case forbidden
    /// A backend server failed or refused; the user fixes the server, its settings or the workflow.
    case backend
    /// A tool Reel needs (ffmpeg, espeak-ng) is missing from the machine.
    case missingTool = "missing-tool"
    /// The service cannot take the request now (shutting down); try again.
    case unavailable
    /// The user stopped the work (Ctrl-C) or a job was cancelled; what was finished is kept.
    case interrupted
    /// Reel's own fault: a bug, a damaged store, a failure it did not expect.
    case `internal`

    /// 0 is success; 1 the user's input or machine; 2 Reel's own fault; 130 interrupted (128 + SIGINT).
    public var exitCode: Int32 {
        switch self {
        case .internal: 2
        case .interrupted: 130
        default: 1
        }
    }

    public var httpStatus: Int {
        switch self {
        case .invalidInput: 400
        case .invalidFilm: 422
        case .notFound: 404
        case .unauthorized: 401
        case .forbidden: 403
        case .backend: 502
        case .missingTool, .unavailable, .interrupted: 503
        case .internal: 500
        }
    }
}
