import Foundation
import ReelKit
import ReelSession

/// `reel backends` as tables.
enum BackendListing {
    /// Every remote backend setting with its value and where it came from.
    static func settingsTable(_ sources: [SettingSource]) -> String {
        TextTable.render(header: ["SETTING", "VALUE", "FROM"], rows: sources.map { [$0.key, $0.value, $0.place] })
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
