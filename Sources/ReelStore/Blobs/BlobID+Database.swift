import GRDB

/// Blob ids are stored as their hex text; text that is not a valid id fails to decode rather
/// than producing an id that could point outside the blob store.
extension BlobID: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { hex.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> BlobID? {
        String.fromDatabaseValue(dbValue).flatMap(BlobID.init(validating:))
    }
}
