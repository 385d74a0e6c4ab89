import Foundation
import GRDB

/// The name of a project-wide value kept in the store's `meta` table.
public struct MetaKey: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    /// The hash of the film file the last `reel make` ran on.
    public static let filmHash: MetaKey = "film.hash"
    /// When the last `reel make` finished (ISO 8601).
    public static let lastMake: MetaKey = "make.last"
}

extension Store {
    /// Sets a project-wide value; nil removes it.
    public func setMeta(_ value: String?, for key: MetaKey) throws {
        try write("set \(key.rawValue)") { db in
            if let value {
                try db.execute(
                    literal: """
                        INSERT INTO meta (key, value) VALUES (\(key.rawValue), \(value))
                        ON CONFLICT (key) DO UPDATE SET value = excluded.value
                        """)
            } else {
                try db.execute(literal: "DELETE FROM meta WHERE key = \(key.rawValue)")
            }
        }
    }

    /// A project-wide value, or nil if it was never set.
    public func meta(_ key: MetaKey) throws -> String? {
        try read("read \(key.rawValue)") { db in
            try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key.rawValue])
        }
    }

    /// The keys of every project-wide value whose name starts with `prefix`, sorted.
    public func metaKeys(prefix: String) throws -> [MetaKey] {
        try read("list the values named \(prefix)…") { db in
            try String.fetchAll(
                db, sql: "SELECT key FROM meta WHERE substr(key, 1, ?) = ? ORDER BY key",
                arguments: [prefix.count, prefix]
            ).map(MetaKey.init(rawValue:))
        }
    }
}
