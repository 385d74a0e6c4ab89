/// An OpenAI image model as Reel prices it: dollars per million tokens of each kind (what the
/// bill is made of, read from each answer's `usage`), and dollars per image by quality at
/// 1024×1024 (what the estimate and `--budget` use before anything is asked).
public struct OpenAIImageModel: Sendable, Hashable {
    public var id: String
    public var textInputPerMillion: Double
    public var imageInputPerMillion: Double
    public var imageOutputPerMillion: Double
    /// US dollars for one 1024×1024 image by quality (`low`, `medium`, `high`); other sizes
    /// scale by their pixels, and `auto` is estimated as `high`, so a budget holds.
    public var perImage: [String: Double]

    /// What one image of `width`×`height` at `quality` is expected to cost, in US dollars.
    public func priceOfImage(quality: String, width: Int, height: Int) -> Double {
        let square = perImage[quality] ?? perImage["high"] ?? 0
        return square * Double(max(1, width * height)) / Double(1024 * 1024)
    }

    /// What a call that used `usage` cost, in US dollars; `nil` when the answer had no usage.
    func cost(of usage: OpenAIWire.Usage?) -> Double? {
        guard let usage, let output = usage.output_tokens else { return nil }
        let input = usage.input_tokens ?? 0
        let images = usage.input_tokens_details?.image_tokens ?? 0
        let text = usage.input_tokens_details?.text_tokens ?? max(0, input - images)
        return
            (Double(text) * textInputPerMillion + Double(images) * imageInputPerMillion
            + Double(output) * imageOutputPerMillion) / 1_000_000
    }
}

/// An OpenAI speech model as Reel prices it: per character of input.
public struct OpenAISpeechModel: Sendable, Hashable {
    public var id: String
    /// US dollars per character spoken.
    public var perCharacter: Double
    /// Whether the model takes `instructions` (`tts-1` and `tts-1-hd` do not).
    public var takesInstructions: Bool
    /// The voices it speaks with.
    public var voices: [String]
}
