import Foundation
import ReelKit

/// The one question Reel asks a judge, fixed and versioned: stored verdicts name the version
/// they answer, so changing a word here means changing ``version`` (and asking again).
///
/// The question is the instructions, then for each character a line naming it and its
/// reference images, then a line and the candidate; the answer is asked as strict JSON:
/// `{"characters": [{"name", "present", "same_person", "position", "confidence"}]}`.
public enum JudgePrompt {
    public static let version = "judge-identity-v1"

    static let instructions = """
        You check a film's frames for character consistency. You are shown reference images of \
        one or more characters, each introduced by a line naming it, and then one candidate frame. \
        For each named character, decide: is the character present in the candidate frame \
        ("present"); is the figure there the same character as in its references, judging face, \
        hair, build, clothing and colouring, not the drawing style ("same_person"); where it \
        stands in the frame ("position": "left", "center" or "right"); and how sure you are, from \
        0 to 1 ("confidence"). Answer with JSON only, no prose, exactly this shape, one entry per \
        character in the order they were named: \
        {"characters": [{"name": "NAME", "present": true, "same_person": true, "position": "left", "confidence": 0.9}]}
        """

    /// The line that introduces a character's references.
    static func characterLine(_ name: String, images: Int) -> String {
        "Character \"\(name)\": \(images) reference image\(images == 1 ? "" : "s") follow\(images == 1 ? "s" : "")."
    }

    static let candidateLine = "The candidate frame follows."

    /// The question about `candidate` against each character's reference images, in order.
    static func question(references: [(character: String, images: [Data])], candidate: Data) -> JudgeQuestion {
        var parts: [JudgeQuestion.Part] = [.text(instructions)]
        for (character, images) in references {
            parts.append(.text(characterLine(character, images: images.count)))
            parts += images.map { .image($0) }
        }
        parts.append(.text(candidateLine))
        parts.append(.image(candidate))
        return JudgeQuestion(parts: parts)
    }
}
