import ReelEngine
import Testing

@testable import reel

@Suite struct ExportCommandTests {
    @Test(
        arguments: [
            (["--all"], Set(ExportFormat.allCases)), (["--otio", "--srt"], [.otio, .srt]), (["proj", "--edl"], [.edl]),
            (["--fcpxml", "--vtt"], [.fcpxml, .vtt]),
        ] as [([String], Set<ExportFormat>)])
    func flagsChooseFormats(arguments: [String], formats: Set<ExportFormat>) throws {
        #expect(try Export.parse(arguments).formats == formats)
    }

    @Test func noFormatIsRefusedWithTheChoices() {
        do {
            _ = try Export.parse(["somewhere"])
            Issue.record("export without a format was accepted")
        } catch {
            #expect(Export.message(for: error).contains("--otio, --fcpxml, --edl, --srt, --vtt or --all"))
        }
    }
}
