/// What Reel journals for fal requests: each request's id with the status, response and cancel
/// URLs fal gave for it (fal's URLs name only `owner/app`, so they cannot be rebuilt from the
/// model id). One request per line, fields separated by spaces; the request id comes first, so
/// a journal line shown cut short still names it.
struct FalHandle: Sendable, Hashable {
    var requests: [FalWire.Submitted]

    var encoded: String {
        requests.map { "\($0.request_id) \($0.status_url) \($0.response_url) \($0.cancel_url)" }
            .joined(separator: "\n")
    }

    /// The handle a journal line holds, or `nil` when it is not one.
    init?(encoded: String) {
        var requests: [FalWire.Submitted] = []
        for line in encoded.split(separator: "\n") {
            let fields = line.split(separator: " ").map(String.init)
            guard fields.count == 4 else { return nil }
            requests.append(
                FalWire.Submitted(
                    request_id: fields[0], response_url: fields[2], status_url: fields[1], cancel_url: fields[3]))
        }
        guard !requests.isEmpty else { return nil }
        self.requests = requests
    }

    init(requests: [FalWire.Submitted]) {
        self.requests = requests
    }
}
