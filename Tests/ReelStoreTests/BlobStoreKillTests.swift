import Foundation
import ReelStore
import Testing

/// A writer killed with SIGKILL (no cleanup runs) must never leave partial content under a
/// blob's name; its temporary file is removed the next time the store opens.
@Suite struct BlobStoreKillTests {
    @Test func theProbeWritesTheContentTheseTestsExpect() throws {
        try withTemporaryDirectory { project throws in
            let blobs = project.appending(path: ".reel/blobs")
            let probe = try ProbeProcess(["blob", blobs.path, "3", "3", "continue"])
            #expect(probe.nextLine() == "writing")
            let expected = BlobID.of(ProbeContent.data(mebibytes: 3))
            #expect(probe.nextLine() == "stored \(expected)")
            #expect(probe.waitForExit() == 0)
            #expect(try Store.open(projectDirectory: project).blobs.verify(expected))
        }
    }

    @Test func aWriterKilledMidBlobLeavesNoBlobAndItsTemporaryFileIsCleanedOnOpen() throws {
        try withTemporaryDirectory { project throws in
            let blobs = project.appending(path: ".reel/blobs")
            let probe = try ProbeProcess(["blob", blobs.path, "64", "8", "pause"])
            try #require(probe.nextLine() == "writing")

            let temporary = regularFiles(under: blobs.appending(path: "tmp"))
            try #require(temporary.count == 1)
            let size =
                try FileManager.default.attributesOfItem(
                    atPath: blobs.appending(path: "tmp/\(temporary[0])").path)[.size] as? Int
            #expect(size == 8 << 20)

            probe.killAndWait()
            #expect(regularFiles(under: blobs) == ["tmp/\(temporary[0])"])

            let store = try Store.open(projectDirectory: project)
            #expect(!store.blobs.contains(BlobID.of(ProbeContent.data(mebibytes: 64))))
            #expect(!store.blobs.contains(BlobID.of(ProbeContent.data(mebibytes: 8))))
            #expect(regularFiles(under: blobs).isEmpty)
        }
    }

    @Test func aWriterKilledWhileStreamingLeavesEitherNothingOrAnIntactBlob() throws {
        try withTemporaryDirectory { project throws in
            let blobs = project.appending(path: ".reel/blobs")
            let probe = try ProbeProcess(["blob", blobs.path, "200", "1", "continue"])
            try #require(probe.nextLine() == "writing")
            probe.killAndWait()

            let store = try Store.open(projectDirectory: project)
            let stored = regularFiles(under: blobs)
            #expect(!stored.contains { $0.hasPrefix("tmp/") })
            for path in stored {
                let id = try BlobID(path.replacingOccurrences(of: "/", with: ""))
                #expect(try store.blobs.verify(id), "partial content under the name \(path)")
            }
        }
    }
}
