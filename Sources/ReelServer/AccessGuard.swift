import Foundation
import Hummingbird

/// Guards `/api`: every request must carry the per-run token (the cookie the printed URL sets,
/// or `Authorization: Bearer TOKEN`), and requests that change something must also come from
/// the studio's own pages (their `Origin`, or else `Referer`, names the host they were sent to).
struct AccessGuard<Context: RequestContext>: RouterMiddleware {
    let token: AccessToken

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        guard request.uri.path == "/api" || request.uri.path.hasPrefix("/api/") else {
            return try await next(request, context)
        }
        guard token.admits(request) else {
            throw ServerError(
                .unauthorized,
                "this studio needs its token: open the URL that `reel serve` printed (it ends in ?token=…)")
        }
        if request.method != .get && request.method != .head {
            try Self.checkSameOrigin(request)
        }
        return try await next(request, context)
    }

    /// Refuses a changing request whose Origin (or Referer) is not the host it was sent to.
    static func checkSameOrigin(_ request: Request) throws {
        guard let host = request.head.authority?.lowercased(), !host.isEmpty else {
            throw ServerError(.forbidden, "the request names no Host; send it from the studio page")
        }
        let claimed: String?
        if let origin = request.headers[.origin] {
            claimed = origin == "null" ? nil : URLComponents(string: origin).flatMap(Self.authority)
        } else if let referer = request.headers[.referer] {
            claimed = URLComponents(string: referer).flatMap(Self.authority)
        } else {
            claimed = nil
        }
        guard let claimed, claimed == host else {
            throw ServerError(
                .forbidden,
                "cross-origin request refused: changes must come from the studio page (Origin must be http://\(host))")
        }
    }

    private static func authority(_ components: URLComponents) -> String? {
        guard let host = components.host?.lowercased(), components.scheme == "http" || components.scheme == "https"
        else {
            return nil
        }
        return components.port.map { "\(host):\($0)" } ?? host
    }
}

/// The per-run secret the printed URL carries.
public struct AccessToken: Sendable {
    public let value: String
    static let cookieName = "reel_token"

    public init(_ value: String) { self.value = value }

    /// 32 random bytes as hex, from the system's generator.
    public static func random() -> AccessToken {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return AccessToken(bytes.map { String(format: "%02x", $0) }.joined())
    }

    func matches(_ candidate: String?) -> Bool {
        guard let candidate else { return false }
        let a = Array(candidate.utf8)
        let b = Array(value.utf8)
        guard a.count == b.count else { return false }
        // Compare every byte so timing says nothing about where they differ.
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    func admits(_ request: Request) -> Bool {
        if let authorization = request.headers[.authorization], authorization.hasPrefix("Bearer ") {
            return matches(String(authorization.dropFirst("Bearer ".count)))
        }
        return matches(request.cookies[Self.cookieName]?.value)
    }

    var setCookie: String { "\(Self.cookieName)=\(value); Path=/; HttpOnly; SameSite=Strict" }
}
