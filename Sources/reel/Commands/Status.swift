import ArgumentParser
import Foundation
import ReelEngine
import ReelKit

struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A table of every shot: framing, takes, pick, clip, state and cost.",
        discussion: """
            A long shot built as a chain of clips shows its pieces in CLIP: `1/3 pieces` while it is \
            made, `yes (3 pieces)` when joined.

            States: no take, unpicked, picked, animated, stale (the prompt or its from: shot changed; \
            `reel make` redoes it), waiting (its from: shot has no pick), failed (the last `reel make` \
            could not make it; the reason is printed under the table, and the next make tries again).

            Example:
              reel status --json | jq '.[] | select(.state == "stale")'
            """)

    @OptionGroup var project: ProjectArgument
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() async throws {
        let services = try Services.build(projectPath: project.directory)
        let rows = try services.studio.status()
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            Output.line(String(decoding: try encoder.encode(rows), as: UTF8.self))
            return
        }
        let header = ["SHOT", "FRAMING", "DUR", "TAKES", "PICK", "CLIP", "STATE", "COST"]
        let table = rows.map { row in
            [
                row.id, row.framing ?? "-", Summary.seconds(row.duration), "\(row.takes)",
                row.pick.map { $0 + (row.autoPicked ? " (auto)" : "") } ?? "-", clipCell(row),
                row.state.rawValue, Summary.usd(row.costUSD),
            ]
        }
        Output.line(TextTable.render(header: header, rows: table))
        for row in rows {
            if let failure = row.failure { Output.line("\(row.id) failed in the last make: \(failure)") }
        }
        let total = rows.reduce(0) { $0 + $1.costUSD }
        Output.line(
            "\(rows.count) shots, \(Summary.seconds(try services.studio.plannedDuration())), spent \(Summary.usd(total))"
        )
    }

    /// `yes`, `-`, or for a long shot built as a chain `yes (3 pieces)` / `1/3 pieces` while it is made.
    private func clipCell(_ row: ShotStatus) -> String {
        switch (row.clip, row.pieces) {
        case (true, let pieces?): "yes (\(pieces.count) pieces)"
        case (true, nil): "yes"
        case (false, let pieces?) where pieces.made > 0: "\(pieces.made)/\(pieces.count) pieces"
        case (false, _): "-"
        }
    }
}

/// Left-aligned columns separated by two spaces.
enum TextTable {
    static func render(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
