import ReelKit

/// A hosted service's dated price table: the models a settings block may name, so the estimate
/// and `--budget` always know what a call costs. Each service's `<Service>Prices` conforms.
protocol PriceTable {
    associatedtype Model
    associatedtype Kind: RawRepresentable where Kind.RawValue == String

    /// The service as messages name it ("fal").
    static var service: String { get }
    /// Its settings block ("fal").
    static var block: String { get }
    /// The model with this id, or `nil` when Reel has no price for it.
    static func model(_ id: String) -> Model?
    /// The ids of every model of one of `kinds`, for messages and checks.
    static func ids(of kinds: [Kind]) -> [String]
}

extension PriceTable {
    /// The model `id` names; settings decoding accepts no other, so this fails only for settings
    /// made in code.
    static func known(_ id: String) throws -> Model {
        guard let model = model(id) else {
            throw ReelError(
                .invalidInput, "\(service) model '\(id)' is not in Reel's price table; fix the '\(block):' block")
        }
        return model
    }
}

extension SettingsReader {
    /// A model id from `table` of one of `kinds`, like `example`; a model without a price, or
    /// of another kind, is an error at the value that lists the ones that would do.
    mutating func modelID<Table: PriceTable>(
        _ entry: Fields.Entry?, from table: Table.Type, kinds: [Table.Kind], example: String
    ) -> String? {
        guard let entry, let id = text(entry, expected: "a \(Table.service) model id, like \(example)") else {
            return nil
        }
        let fitting = Table.ids(of: kinds)
        let known = fitting.joined(separator: ", ")
        if fitting.contains(id) { return id }
        guard Table.model(id) != nil else {
            error(
                "'\(entry.key)' names a \(Table.service) model Reel has no price for ('\(id)'), so --budget could not hold; use one of: \(known)",
                at: entry.valueLocation)
            return nil
        }
        let kindNames = kinds.map(\.rawValue).joined(separator: " or ")
        let article = kindNames.first.map { "aeiou".contains($0) } == true ? "an" : "a"
        error(
            "'\(entry.key)' must be \(article) \(kindNames) model; '\(id)' is not. Use one of: \(known)",
            at: entry.valueLocation)
        return nil
    }
}
