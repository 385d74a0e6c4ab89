import Foundation
import ReelKit

/// Midjourney's `::` weights written in the emphasis syntax that ComfyUI's CLIPTextEncode and
/// AUTOMATIC1111 both read: `(text:1.30)`. Weights are relative in Midjourney, so each part's
/// weight is taken against the parts' mean and kept within 0.5…1.5, where Stable Diffusion
/// models still follow it. Parts weighted 0 or less are left out (the composer puts negative
/// ones in the negative prompt).
///
/// `city::2 fire::1` → `(city:1.33), (fire:0.67)`.
enum PromptEmphasis {
    static func text(of request: Request) -> String {
        let parts = request.weightedPrompt.filter { $0.weight > 0 && !$0.text.isEmpty }
        guard request.weightedPrompt.count > 1, !parts.isEmpty else { return request.prompt }
        let mean = parts.map(\.weight).reduce(0, +) / Double(parts.count)
        return parts.map { part in
            let weight = min(max(part.weight / mean, 0.5), 1.5)
            let text = escaped(part.text)
            return abs(weight - 1) < 0.005 ? text : "(\(text):\(String(format: "%.2f", weight)))"
        }.joined(separator: ", ")
    }

    /// Parentheses the user wrote are text, not emphasis.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(")
            .replacingOccurrences(of: ")", with: "\\)")
    }
}
