/// What Reel journals for Replicate predictions: each prediction's id with the `urls.get` and
/// `urls.cancel` Replicate gave for it. One prediction per line, fields separated by spaces; the
/// id comes first, so a journal line shown cut short still names it.
struct ReplicateHandle: Sendable, Hashable {
    struct Entry: Sendable, Hashable {
        var id: String
        var get: String
        var cancel: String
    }

    var predictions: [Entry]

    init(predictions: [Entry]) {
        self.predictions = predictions
    }

    var encoded: String {
        predictions.map { "\($0.id) \($0.get) \($0.cancel)" }.joined(separator: "\n")
    }

    /// The handle a journal line holds, or `nil` when it is not one.
    init?(encoded: String) {
        var predictions: [Entry] = []
        for line in encoded.split(separator: "\n") {
            let fields = line.split(separator: " ").map(String.init)
            guard fields.count == 3 else { return nil }
            predictions.append(Entry(id: fields[0], get: fields[1], cancel: fields[2]))
        }
        guard !predictions.isEmpty else { return nil }
        self.predictions = predictions
    }
}
