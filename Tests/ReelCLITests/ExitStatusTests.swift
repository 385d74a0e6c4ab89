import Foundation
import ReelTesting
import Testing

/// Exit codes as a user's script sees them: 1 for what the user can fix, 2 for Reel's own faults,
/// with the message (and the command to run next) on standard error.
@Suite struct ExitStatusTests {
    let reel: ReelProcess

    init() throws {
        reel = try ReelProcess()
    }

    @Test func aBadInputExitsOneWithTheMessageAndTheCommandToRun() async throws {
        try await withTemporaryDirectory { parent in
            _ = try await reel.run(["init", "f"], in: parent)
            let result = try await reel.run(["pick", "-C", "f", "ridge", "1"], in: parent)
            #expect(result.status == 1)
            #expect(result.stderr == "error: shot 'ridge' has no takes yet; run `reel gen ridge`\n")
        }
    }

    @Test func aDamagedStoreIsReelsFaultAndExitsTwo() async throws {
        try await withTemporaryDirectory { parent in
            _ = try await reel.run(["init", "f"], in: parent)
            let store = parent.appending(path: "f/.reel")
            try FileManager.default.createDirectory(at: store, withIntermediateDirectories: true)
            try Data(repeating: 0x2A, count: 4096).write(to: store.appending(path: "reel.sqlite"))
            let result = try await reel.run(["status", "f"], in: parent)
            #expect(result.status == 2)
            #expect(result.stderr.hasPrefix("error: "))
            #expect(result.stderr.contains("reel.sqlite"))
        }
    }
}
