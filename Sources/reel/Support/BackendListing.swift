import Foundation
import ReelKit
import ReelSession

/// `reel backends` as tables.
enum BackendListing {
    /// Every remote backend setting with its value and where it came from.
    static func settingsTable(_ sources: [SettingSource]) -> String {
        TextTable.render(header: ["SETTING", "VALUE", "FROM"], rows: sources.map { [$0.key, $0.value, $0.place] })
    }

    /// Each hosted service's key state, models and prices, a line each: `fal: key set (FAL_KEY)`.
    static func notes(_ rows: [BackendRow]) -> String? {
        let lines = rows.flatMap { row in
            (row.key.map { ["key \($0)"] } ?? []).map { "\(row.name): \($0)" }
                + row.notes.map { "\(row.name): \($0)" }
        }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }

    static func table(_ rows: [BackendRow]) -> String {
        let header = [
            "BACKEND", "MAKES", "SETTINGS", "URL", "REACHABLE", "INIT", "SEED", "NEG", "REFS", "SIZES", "CLIP",
        ]
        let yes = { (flag: Bool) in flag ? "yes" : "-" }
        return TextTable.render(
            header: header,
            rows: rows.map { row in
                [
                    row.name, row.kinds.joined(separator: "+"), row.configured, row.url ?? "-", row.reachable,
                    yes(row.initImage), yes(row.seed), yes(row.negativePrompt), yes(row.references), row.sizes,
                    row.longestClipSeconds.map { String(format: "≤%.1fs", $0) } ?? "-",
                ]
            })
    }
}
