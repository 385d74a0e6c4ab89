import ArgumentParser
import Foundation
import ReelEngine
import ReelKit

struct Costs: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "costs",
        abstract: "What the project has spent: the ledger per day, shot and backend.",
        discussion: """
            Every paid generation is in the ledger the moment it is paid for, at the vendor's own \
            figure where it gives one and otherwise at Reel's dated price table. Free backends \
            (sketch, camera, espeak) cost nothing and appear only if they recorded a charge.

            Examples:
              reel costs
              reel costs --csv > spend.csv
              reel costs --json | jq '.totalUSD'
            """)

    @OptionGroup var project: ProjectArgument
    @Flag(help: "Print JSON for scripts: the lines and the total.") var json = false
    @Flag(help: "Print CSV with a header row, for a spreadsheet.") var csv = false

    func validate() throws {
        if json && csv { throw ValidationError("choose one of --json and --csv") }
    }

    func run() async throws {
        try await Services.with(projectPath: project.directory) { services in
            let lines = try services.studio.costLedger()
            let total = lines.reduce(0) { $0 + $1.usd }
            if json {
                struct Ledger: Encodable {
                    var lines: [CostLine]
                    var totalUSD: Double
                }
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                Output.line(String(decoding: try encoder.encode(Ledger(lines: lines, totalUSD: total)), as: UTF8.self))
            } else if csv {
                Output.line(Self.csv(lines))
            } else if lines.isEmpty {
                Output.line("nothing spent yet")
            } else {
                let header = ["DAY", "SHOT", "BACKEND", "TAKES", "CLIPS", "OTHER", "USD"]
                let rows = lines.map { line in
                    [
                        line.day, line.shot ?? "-", line.backend, "\(line.takes)", "\(line.clips)", "\(line.other)",
                        String(format: "%.4f", line.usd),
                    ]
                }
                Output.line(TextTable.render(header: header, rows: rows))
                Output.line(String(format: "total $%.2f", total))
            }
        }
    }

    /// RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.
    static func csv(_ lines: [CostLine]) -> String {
        func field(_ text: String) -> String {
            text.contains(where: { ",\"\r\n".contains($0) })
                ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        let rows = lines.map { line in
            [
                line.day, line.shot ?? "", line.backend, "\(line.takes)", "\(line.clips)", "\(line.other)",
                String(format: "%.6f", line.usd),
            ].map(field).joined(separator: ",")
        }
        return (["day,shot,backend,takes,clips,other,usd"] + rows).joined(separator: "\n")
    }
}
