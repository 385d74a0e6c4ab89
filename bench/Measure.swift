import Foundation

/// Wall-clock seconds of `body`.
func seconds(_ body: () async throws -> Void) async rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try await body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Runs every contender once per round, in the same order each round (A B C A B C …), so a
/// noisy neighbour hurts all of them alike; reports each one's median.
func paired(rounds: Int, _ contenders: [(String, () async throws -> Void)]) async throws -> [(String, Double)] {
    var times = Array(repeating: [Double](), count: contenders.count)
    for _ in 0..<rounds {
        for (index, contender) in contenders.enumerated() {
            times[index].append(try await seconds(contender.1))
        }
    }
    return zip(contenders, times).map { ($0.0, median($1)) }
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    return sorted.count % 2 == 1
        ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

/// A table row: label, median, ratio to the reference row, and any extra columns.
struct Row {
    var label: String
    var seconds: Double?
    var extra: [String] = []
}

func printTable(_ title: String, rows: [Row], reference: String, extraHeaders: [String] = []) {
    print("\n## \(title)\n")
    let base = rows.first { $0.label == reference }?.seconds
    let header = ["", "median s", "× \(reference)"] + extraHeaders
    var lines = [header]
    for row in rows {
        let time = row.seconds.map { String(format: "%.2f", $0) } ?? "-"
        let ratio = (row.seconds != nil && base != nil) ? String(format: "%.2f", row.seconds! / base!) : "-"
        lines.append([row.label, time, ratio] + row.extra)
    }
    let widths = header.indices.map { column in
        lines.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0
    }
    for line in lines {
        print(
            line.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
                .joined(separator: "  "))
    }
}

/// Runs a command line to completion, throwing with its stderr when it fails.
func shell(_ executable: URL, _ arguments: [String]) throws {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    let err = Pipe()
    process.standardError = err
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let message = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw BenchError(
            "\(executable.lastPathComponent) \(arguments.joined(separator: " ")) failed: \(String(decoding: message.suffix(600), as: UTF8.self))"
        )
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
