import Foundation
import Yams

/// One backend's settings block as the user wrote it — `name: { url: … }` in film.yaml or in
/// the user config file — kept as YAML with its source locations for that backend's factory to
/// decode and check (see `SettingsReader`). ReelKit never looks inside a block, so it names no
/// backend; it only knows which file a block came from.
public struct SettingsBlock: Sendable {
    /// The top-level key: the name of the block, and of the factory that owns it.
    public let name: String
    /// `.film` or `.config`.
    public let origin: SettingSource.Origin
    /// What relative paths in the block are relative to: the film's folder or the config file's.
    public let baseDirectory: URL?
    /// How messages name that folder's file: "film.yaml" or "the config file".
    public let fileDescription: String
    /// Where the block's key was written.
    public let location: SourceLocation
    let tree: Tree
    let source: SourceText
    let renamedKeys: [String: String]

    /// A parsed YAML value. Yams' `Node` is a value tree whose `Tag` class is only read after
    /// parsing, so sharing one between tasks is safe; the compiler cannot see that.
    struct Tree: @unchecked Sendable, Hashable {
        let node: Node
    }

    init(
        name: String, origin: SettingSource.Origin, node: Node, source: SourceText, renamedKeys: [String: String],
        location: SourceLocation, baseDirectory: URL?, fileDescription: String
    ) {
        self.name = name
        self.origin = origin
        self.tree = Tree(node: node)
        self.source = source
        self.renamedKeys = renamedKeys
        self.location = location
        self.baseDirectory = baseDirectory
        self.fileDescription = fileDescription
    }

    /// A block read from YAML text, as if the text were the value of `name:` in a file called
    /// `fileName`; for tests and for settings given in code. `nil` when the text is not YAML.
    public init?(
        name: String, yaml: String, origin: SettingSource.Origin = .film, fileName: String? = nil,
        baseDirectory: URL? = nil
    ) {
        let source = SourceText(yaml, file: fileName)
        guard case .document(let node?, let renamed) = YAMLComposer(source: source).compose(yaml) else { return nil }
        self.init(
            name: name, origin: origin, node: node, source: source, renamedKeys: renamed,
            location: source.location(node.mark), baseDirectory: baseDirectory,
            fileDescription: origin == .config ? "the config file" : "film.yaml")
    }

    /// A path written in the block, resolved against `baseDirectory` unless absolute.
    public func resolve(path: String) -> URL {
        if path.hasPrefix("/") || baseDirectory == nil { return URL(fileURLWithPath: path) }
        return baseDirectory!.appending(path: path)
    }
}

extension SettingsBlock: Hashable {
    public static func == (lhs: SettingsBlock, rhs: SettingsBlock) -> Bool {
        lhs.name == rhs.name && lhs.origin == rhs.origin && lhs.tree == rhs.tree
            && lhs.baseDirectory == rhs.baseDirectory
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(origin)
        hasher.combine(tree)
    }
}

/// Encoded as its YAML text; decoding keeps the values but not the layout of the file.
extension SettingsBlock: Codable {
    private enum CodingKeys: String, CodingKey {
        case name, origin, baseDirectory, fileDescription, location, yaml
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(origin, forKey: .origin)
        try container.encodeIfPresent(baseDirectory, forKey: .baseDirectory)
        try container.encode(fileDescription, forKey: .fileDescription)
        try container.encode(location, forKey: .location)
        try container.encode(try Yams.serialize(node: tree.node), forKey: .yaml)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let yaml = try container.decode(String.self, forKey: .yaml)
        let location = try container.decode(SourceLocation.self, forKey: .location)
        let source = SourceText(yaml, file: location.file)
        guard case .document(let node?, let renamed) = YAMLComposer(source: source).compose(yaml) else {
            throw DecodingError.dataCorruptedError(forKey: .yaml, in: container, debugDescription: "not YAML")
        }
        self.init(
            name: try container.decode(String.self, forKey: .name),
            origin: try container.decode(SettingSource.Origin.self, forKey: .origin), node: node, source: source,
            renamedKeys: renamed, location: location,
            baseDirectory: try container.decodeIfPresent(URL.self, forKey: .baseDirectory),
            fileDescription: try container.decode(String.self, forKey: .fileDescription))
    }
}
