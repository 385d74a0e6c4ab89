import Foundation

/// How the fake services judge a question about images, as a vision model would: by looking at
/// what was sent. The question's parts are read in order (a `Character "NAME": …` line, then that
/// character's images; `The candidate frame follows.`, then the candidate). A character is the
/// same person when the candidate's bytes equal one of its references' bytes, else present but
/// not the same; always at the center. A candidate equal to `garbled` gets prose, not JSON.
enum FakeJudge {
    enum Part {
        case text(String)
        case image(Data)
    }

    /// The answer's text; nil when the question has no references or no candidate.
    static func answer(_ parts: [Part], garbled: Data?) -> String? {
        var references: [(name: String, images: [Data])] = []
        var candidate: Data?
        var readingCandidate = false
        for part in parts {
            switch part {
            case .text(let text):
                if text.hasPrefix("Character \""), let name = text.split(separator: "\"").dropFirst().first {
                    references.append((String(name), []))
                    readingCandidate = false
                } else if text.hasPrefix("The candidate") {
                    readingCandidate = true
                }
            case .image(let data):
                if readingCandidate {
                    candidate = data
                } else if !references.isEmpty {
                    references[references.count - 1].images.append(data)
                }
            }
        }
        guard let candidate, !references.isEmpty else { return nil }
        if candidate == garbled { return "I think the first one looks a bit like the reference, mostly." }
        let entries = references.map { reference in
            let same = reference.images.contains(candidate)
            return #"{"name": "\#(reference.name)", "present": true, "same_person": \#(same), "#
                + #""position": "center", "confidence": \#(same ? 0.9 : 0.8)}"#
        }
        return #"{"characters": [\#(entries.joined(separator: ", "))]}"#
    }
}
