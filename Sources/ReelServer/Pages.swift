import Foundation
import Hummingbird

/// The studio's pages: one HTML shell for the storyboard (`/`), a shot (`/shots/ID`), the
/// cast (`/cast`) and the film (`/film`), drawn by `app.js` from the API, plus its stylesheet. The files are
/// resources of this module, read once at start; nothing else on disk is ever served here.
struct Pages: Sendable {
    let token: AccessToken
    let shell: ByteBuffer
    let assets: [String: (type: String, body: ByteBuffer)]

    init(token: AccessToken) throws {
        self.token = token
        func load(_ name: String, _ ext: String) throws -> ByteBuffer {
            guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Assets") else {
                throw ServerError(.internal, "the studio's page \(name).\(ext) is missing from this build of Reel")
            }
            return ByteBuffer(bytes: try Data(contentsOf: url))
        }
        shell = try load("index", "html")
        assets = [
            "app.js": ("text/javascript; charset=utf-8", try load("app", "js")),
            "app.css": ("text/css; charset=utf-8", try load("app", "css")),
        ]
    }

    static let securityHeaders: HTTPFields = [
        .contentSecurityPolicy:
            [
                "default-src 'self'", "img-src 'self' data:", "media-src 'self'", "style-src 'self'",
                "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'", "base-uri 'none'",
                "form-action 'none'",
            ].joined(separator: "; "),
        .xContentTypeOptions: "nosniff",
        .init("Referrer-Policy")!: "same-origin",
        .cacheControl: "no-store",
    ]

    func register(on router: Router<some RequestContext>) {
        router.get("/") { request, _ in page(request) }
        router.get("/film") { request, _ in page(request) }
        router.get("/cast") { request, _ in page(request) }
        router.get("/shots/:id") { request, _ in page(request) }
        router.get("/assets/:name") { _, context in
            let name = try context.parameters.require("name")
            guard let asset = assets[name] else { throw ServerError(.notFound, "no such asset") }
            var headers = Self.securityHeaders
            headers[.contentType] = asset.type
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: asset.body))
        }
    }

    /// The shell; arriving with `?token=` trades the token for a cookie and drops it from the
    /// address bar, so it is not left in history or shared by copying the URL.
    private func page(_ request: Request) -> Response {
        var headers = Self.securityHeaders
        if let offered = request.uri.queryParameters["token"].map(String.init) {
            guard token.matches(offered) else { return locked(headers, "This link's token is not this run's.") }
            headers[.setCookie] = token.setCookie
            headers[.location] = request.uri.path
            return Response(status: .seeOther, headers: headers)
        }
        guard token.matches(request.cookies[AccessToken.cookieName]?.value) else {
            return locked(headers, "Open the URL that <code>reel serve</code> printed; it carries this run's token.")
        }
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: shell))
    }

    private func locked(_ base: HTTPFields, _ message: String) -> Response {
        var headers = base
        headers[.contentType] = "text/html; charset=utf-8"
        let html = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Reel studio</title>
            <link rel="icon" href="data:,"><link rel="stylesheet" href="/assets/app.css"></head>
            <body class="locked"><main><h1>Reel studio</h1><p>\(message)</p></main></body></html>
            """
        return Response(
            status: .unauthorized, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }
}
