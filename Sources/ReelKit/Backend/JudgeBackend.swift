import Foundation

/// A hosted vision model that answers a question about images in words (the `judge:` role,
/// `backends: { judge: gemini }`): Reel shows it a character's references and a candidate and
/// asks whether the same character is there. The backend only carries the question and the
/// answer's text; what the question is and how the answer is read belong to the engine.
public protocol JudgeBackend: Sendable {
    /// The registry name (`gemini`).
    var name: String { get }
    /// The model asked, as the backend names it: part of a stored verdict's key.
    var model: String { get }
    /// What one question costs, as far as Reel can tell before asking (for the estimate and `--budget`).
    var pricePerCallUSD: Double { get }
    /// Asks `question` once and returns the answer's text, asked to be JSON, and what it cost.
    func judge(_ question: JudgeQuestion) async throws -> JudgeReply
}

/// A question for a judge: text and images in the order the model reads them.
public struct JudgeQuestion: Sendable, Hashable {
    public enum Part: Sendable, Hashable {
        case text(String)
        /// An image's bytes (PNG, JPEG or WebP).
        case image(Data)
    }

    public var parts: [Part]

    public init(parts: [Part]) { self.parts = parts }
}

/// A judge's answer: its text, and what the call cost in US dollars (from the vendor's usage
/// figures where it gives them, else the backend's price table). A paid refusal (a safety
/// block) has no text and says why in `refusal`, so its cost is still recorded.
public struct JudgeReply: Sendable, Hashable {
    public var text: String
    public var costUSD: Double
    public var refusal: String?

    public init(text: String, costUSD: Double, refusal: String? = nil) {
        self.text = text
        self.costUSD = costUSD
        self.refusal = refusal
    }
}
