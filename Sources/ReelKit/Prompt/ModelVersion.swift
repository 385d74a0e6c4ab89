/// The model a prompt asks for: `--v 6.1` (Midjourney) or `--niji 6` (the anime model).
///
/// Only versions that exist are representable: build one with ``init(model:number:)``, which
/// returns `nil` for anything else and writes the number canonically (`6.0` becomes `6`).
public struct ModelVersion: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Model: String, Sendable, Hashable, Codable, CaseIterable {
        /// `--v` / `--version`.
        case midjourney
        /// `--niji`.
        case niji
    }

    public let model: Model
    /// The version as written canonically (`"5.2"`, `"6"`); `nil` only for a bare `--niji`,
    /// which asks for Midjourney's current default anime model.
    public let number: String?

    /// Versions `--v` accepts.
    public static let midjourneyNumbers = ["1", "2", "3", "4", "5", "5.1", "5.2", "6", "6.1", "7", "8", "8.1"]
    /// Versions `--niji` accepts.
    public static let nijiNumbers = ["4", "5", "6", "7"]

    /// The versions `model` accepts.
    public static func numbers(for model: Model) -> [String] {
        model == .midjourney ? midjourneyNumbers : nijiNumbers
    }

    /// A version that exists, or `nil`. `number` may be written any way that means the same
    /// value (`"6.0"`, `"06"`); `nil` is accepted for ``Model/niji`` only.
    public init?(model: Model, number: String?) {
        guard let number else {
            guard model == .niji else { return nil }
            self.model = model
            self.number = nil
            return
        }
        guard let value = PromptNumber.parse(number), let canonical = Self.canonical(value, for: model) else {
            return nil
        }
        self.model = model
        self.number = canonical
    }

    static func canonical(_ value: Double, for model: Model) -> String? {
        numbers(for: model).first { Double($0) == value }
    }

    /// The version as a number (`6.1`), or `nil` for a bare `--niji`.
    public var value: Double? {
        number.flatMap(Double.init)
    }

    /// The parameter as it is written in a prompt: `--v 6.1`, `--niji 6`, `--niji`.
    public var description: String {
        let name = model == .midjourney ? "--v" : "--niji"
        return number.map { "\(name) \($0)" } ?? name
    }

    private enum CodingKeys: String, CodingKey { case model, number }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let model = try container.decode(Model.self, forKey: .model)
        let number = try container.decodeIfPresent(String.self, forKey: .number)
        guard let version = ModelVersion(model: model, number: number) else {
            let allowed = Self.numbers(for: model).joined(separator: ", ")
            throw DecodingError.dataCorruptedError(
                forKey: .number, in: container,
                debugDescription: "\(model.rawValue) has no version \(number ?? "(none)"); use one of \(allowed)")
        }
        self = version
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(model, forKey: .model)
        try container.encodeIfPresent(number, forKey: .number)
    }
}
