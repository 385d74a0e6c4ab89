import Foundation
import GRDB

/// The identity scorer's cache: JSON the scorer writes and reads back, keyed by the image blob
/// and the scorer's version, so nothing is recomputed until either changes. The store does not
/// read the JSON (ReelFaces owns its shape).
extension Store {
    /// The faces found in `blob` by scorer `version`, as that scorer stored them.
    public func faceDescriptorsJSON(blob: BlobID, scorerVersion version: String) throws -> String? {
        try read("read the faces of \(blob.hex.prefix(12))") { db in
            try String.fetchOne(
                db, sql: "SELECT facesJSON FROM face_descriptors WHERE blob = ? AND scorerVersion = ?",
                arguments: [blob.hex, version])
        }
    }

    /// Records the faces found in `blob` by scorer `version`.
    public func recordFaceDescriptors(_ json: String, blob: BlobID, scorerVersion version: String) throws {
        try write("record the faces of \(blob.hex.prefix(12))") { db in
            try db.execute(
                sql: """
                    INSERT INTO face_descriptors (blob, scorerVersion, facesJSON) VALUES (?, ?, ?)
                    ON CONFLICT (blob, scorerVersion) DO UPDATE SET facesJSON = excluded.facesJSON
                    """, arguments: [blob.hex, version, json])
        }
    }

    /// The score of `blob` against the inputs `inputsKey` names, by scorer `version`.
    public func identityScoreJSON(blob: BlobID, scorerVersion version: String, inputsKey: String) throws -> String? {
        try read("read the identity score of \(blob.hex.prefix(12))") { db in
            try String.fetchOne(
                db,
                sql: "SELECT scoreJSON FROM identity_score WHERE blob = ? AND scorerVersion = ? AND inputsKey = ?",
                arguments: [blob.hex, version, inputsKey])
        }
    }

    /// Records the score of `blob` against the inputs `inputsKey` names, by scorer `version`.
    public func recordIdentityScore(
        _ json: String, blob: BlobID, scorerVersion version: String, inputsKey: String
    )
        throws
    {
        try write("record the identity score of \(blob.hex.prefix(12))") { db in
            try db.execute(
                sql: """
                    INSERT INTO identity_score (blob, scorerVersion, inputsKey, scoreJSON) VALUES (?, ?, ?, ?)
                    ON CONFLICT (blob, scorerVersion, inputsKey) DO UPDATE SET scoreJSON = excluded.scoreJSON
                    """, arguments: [blob.hex, version, inputsKey, json])
        }
    }
}
