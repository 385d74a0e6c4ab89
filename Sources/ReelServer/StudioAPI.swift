import Foundation
import Hummingbird
import ReelEngine
import ReelKit
import ReelStore

/// The JSON API under `/api`, behind the pages. Every request opens the project afresh, so
/// what a CLI command or another tab did is seen at once; long work goes to the job runner.
struct StudioAPI: Sendable {
    let project: Project
    let openStudio: StudioOpener
    let hub: EventHub
    let jobs: JobRunner
    let editor: FilmEditor

    func register(on router: Router<some RequestContext>) {
        let api = router.group("api")
        api.get("film") { _, _ in try JSONResponse.make(try filmSummary(try openStudio(.silent))) }
        api.get("shots") { _, _ in try JSONResponse.make(try shotSummaries(try openStudio(.silent))) }
        api.get("shots/:id") { _, context in
            try JSONResponse.make(
                try await shotDetail(try openStudio(.silent), id: try Self.parameter("id", of: context)))
        }
        api.post("shots/:id/generate") { request, context in
            let id = try Self.parameter("id", of: context)
            return try await start(.generate(shot: try existingShot(id)), request: request)
        }
        api.post("shots/:id/reroll") { request, context in
            let id = try Self.parameter("id", of: context)
            return try await start(.reroll(shot: try existingShot(id)), request: request)
        }
        api.post("shots/:id/vary") { request, context in
            let id = try Self.parameter("id", of: context)
            let body = try await request.decode(as: API.CandidateBody.self, context: context)
            return try await start(
                .vary(shot: try existingShot(id), candidate: body.reference, strong: body.strong ?? false),
                request: request)
        }
        api.post("shots/:id/pick") { request, context in
            let id = try Self.parameter("id", of: context)
            let body = try await request.decode(as: API.CandidateBody.self, context: context)
            let pick = try openStudio(.silent).pick(shotID: id, candidate: body.reference)
            hub.publish(ServerEvent(type: .changed, shot: id))
            return try JSONResponse.make(API.Picked(shot: id, take: pick.takeID, candidate: pick.candidateIndex))
        }
        api.put("shots/:id/prompt") { request, context in
            let id = try Self.parameter("id", of: context)
            let body = try await request.decode(as: API.PromptBody.self, context: context)
            _ = try await editor.setPrompt(body.prompt, shotID: id)
            hub.publish(ServerEvent(type: .changed, shot: id))
            return try JSONResponse.make(try await shotDetail(try openStudio(.silent), id: id))
        }
        api.get("cast") { _, _ in try JSONResponse.make(try openStudio(.silent).castStatus()) }
        api.post("cast/:name/sheet") { request, context in
            let name = try Self.parameter("name", of: context)
            let sheet = CastSheet.id(of: name.hasPrefix("@") ? String(name.dropFirst()) : name)
            return try await start(.castSheet(shot: try existingShot(sheet)), request: request)
        }
        api.get("plan") { _, _ in try JSONResponse.make(API.PlanSummary(try openStudio(.silent).plan())) }
        api.post("make") { request, _ in try await start(.make, request: request) }
        api.get("events") { _, _ in EventStream.response(hub.subscribe()) }
        api.get("blobs/:hash") { request, context in
            try blob(try context.parameters.require("hash"), request: request)
        }
        api.get("out/:name") { request, context in
            let name = try context.parameters.require("name")
            guard let file = OutputFile(rawValue: name) else {
                throw ServerError(.notFound, "there is no output '\(name.prefix(60))'; outputs are \(OutputFile.names)")
            }
            let url = project.outputDirectory.appending(path: file.rawValue)
            return try FileResponse.make(url: url, contentType: file.contentType, range: request.headers[.range])
        }
    }

    /// Runs `action` as a job: 202 with its id at once, or — with `?wait=1`, for scripts and
    /// tests — 200 with its result when it is done.
    private func start(_ action: JobAction, request: Request) async throws -> Response {
        if request.uri.queryParameters["wait"].map(String.init) == "1" {
            return try JSONResponse.make(try await jobs.run(action))
        }
        return try JSONResponse.make(API.Accepted(job: jobs.submit(action)), status: .accepted)
    }

    /// A path parameter as the page wrote it, percent-escapes undone (`%40vela` is the sheet
    /// `@vela`).
    private static func parameter(_ name: String, of context: some RequestContext) throws -> String {
        let raw = try context.parameters.require(name)
        return raw.removingPercentEncoding ?? raw
    }

    /// Fails with 404 for a shot the film does not have, before a job is queued for it.
    private func existingShot(_ id: String) throws -> String {
        try openStudio(.silent).shot(id).id
    }

    /// A stored image: only 64-hex ids that the store holds, typed by their first bytes.
    private func blob(_ hash: String, request: Request) throws -> Response {
        guard let id = BlobID(validating: hash) else {
            throw ServerError(.invalidInput, "'\(hash.prefix(80))' is not a blob id (64 lowercase hexadecimal digits)")
        }
        let store = try Store.open(projectDirectory: project.directory)
        guard store.blobs.contains(id) else {
            throw ServerError(.notFound, "the store has no blob \(id.short)")
        }
        let url = store.blobs.url(id)
        return try FileResponse.make(
            url: url, contentType: MediaType.sniff(url), range: request.headers[.range], immutable: true)
    }
}

/// The files `reel make` and `reel board` leave in `out/` that the film page shows.
enum OutputFile: String, CaseIterable, Sendable {
    case film = "film.mp4"
    case gif = "storyboard.gif"
    case webp = "storyboard.webp"
    case contact = "contact.png"
    case board = "board.pdf"

    var contentType: String {
        switch self {
        case .film: "video/mp4"
        case .gif: "image/gif"
        case .webp: "image/webp"
        case .contact: "image/png"
        case .board: "application/pdf"
        }
    }

    static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
