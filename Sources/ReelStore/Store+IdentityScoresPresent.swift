import GRDB

extension Store {
    /// Whether any image was ever scored for identity: the board looks for off-model picks only then.
    public func hasIdentityScores() throws -> Bool {
        try read("look for identity scores") { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM identity_score)") ?? false
        }
    }
}
