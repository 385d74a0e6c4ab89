import Foundation
import ReelStore
import Testing

@Suite struct BlobStoreTests {
    @Test(arguments: [0, 1, 3 << 20 + 17])
    func roundTripsContentOfAnySize(size: Int) throws {
        try withTemporaryDirectory { directory throws in
            let blobs = try BlobStore(directory: directory)
            let content = Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 ^ ($0 >> 8)) })
            let id = try blobs.put(content)
            #expect(id == BlobID.of(content))
            #expect(try blobs.data(id) == content)
            #expect(try blobs.verify(id))
            #expect(regularFiles(under: directory) == ["\(id.hex.prefix(2))/\(id.hex.dropFirst(2))"])
        }
    }

    @Test func storesTheEmptyBlobUnderTheKnownHash() throws {
        try withTemporaryDirectory { directory throws in
            let id = try BlobStore(directory: directory).put(Data())
            #expect(id.hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
            #expect(FileManager.default.fileExists(atPath: directory.appending(path: "e3/\(id.hex.dropFirst(2))").path))
        }
    }

    @Test func copiesAFileUnderItsHash() throws {
        try withTemporaryDirectory { directory throws in
            let blobs = try BlobStore(directory: directory.appending(path: "blobs"))
            let content = ProbeContent.data(mebibytes: 5)
            let source = directory.appending(path: "clip.mp4")
            try content.write(to: source)
            let id = try blobs.put(fileAt: source)
            #expect(id == BlobID.of(content))
            #expect(try Data(contentsOf: blobs.verifiedURL(id)) == content)
        }
    }

    @Test func storesIdenticalContentOnceWithoutRewritingIt() throws {
        try withTemporaryDirectory { directory throws in
            let blobs = try BlobStore(directory: directory)
            let content = Data("the same frame".utf8)
            let first = try blobs.put(content)
            let inode =
                try FileManager.default.attributesOfItem(atPath: blobs.url(first).path)[.systemFileNumber] as? Int
            let source = directory.appending(path: "copy.png")
            try content.write(to: source)
            #expect(try blobs.put(content) == first)
            #expect(try blobs.put(fileAt: source) == first)
            try FileManager.default.removeItem(at: source)
            #expect(regularFiles(under: directory).count == 1)
            let inodeAfter =
                try FileManager.default.attributesOfItem(atPath: blobs.url(first).path)[.systemFileNumber] as? Int
            #expect(inode != nil && inodeAfter == inode)
        }
    }

    @Test func keepsBlobsReadOnly() throws {
        try withTemporaryDirectory { directory throws in
            let blobs = try BlobStore(directory: directory)
            let id = try blobs.put(Data("frame".utf8))
            let mode = try FileManager.default.attributesOfItem(atPath: blobs.url(id).path)[.posixPermissions] as? Int
            #expect(mode == 0o444)
        }
    }

    @Test func reportsACorruptBlobAndRepairsItWhenTheContentIsPutAgain() throws {
        try withTemporaryDirectory { directory throws in
            let blobs = try BlobStore(directory: directory)
            let content = Data(repeating: 7, count: 4096)
            let id = try blobs.put(content)
            try corrupt(blobs.url(id))

            #expect(try blobs.verify(id) == false)
            for read in [{ _ = try blobs.data(id) }, { _ = try blobs.verifiedURL(id) }] {
                #expect {
                    try read()
                } throws: { error in
                    let error = error as? StoreError
                    return error?.code == .corruptBlob && error?.path == blobs.url(id).path
                        && error?.message.contains("run the step that makes it again") == true
                }
            }

            #expect(try blobs.put(content) == id)
            #expect(try blobs.data(id) == content)
        }
    }

    @Test func reportsAMissingBlob() throws {
        try withTemporaryDirectory { directory throws in
            let blobs = try BlobStore(directory: directory)
            let id = BlobID.of(Data("never stored".utf8))
            #expect(!blobs.contains(id))
            #expect(try blobs.verify(id) == false)
            #expect {
                try blobs.data(id)
            } throws: { error in
                (error as? StoreError)?.code == .missingBlob
            }
        }
    }

    @Test func storesNothingWhenTheWriterFails() throws {
        struct DownloadFailed: Error {}
        try withTemporaryDirectory { directory throws in
            let blobs = try BlobStore(directory: directory)
            #expect(throws: DownloadFailed.self) {
                try blobs.put { writer in
                    try writer.write(Data("half a video".utf8))
                    throw DownloadFailed()
                }
            }
            #expect(regularFiles(under: directory).isEmpty)
        }
    }

    @Test func streamsAsynchronously() async throws {
        try await withAsyncTemporaryDirectory { directory async throws in
            let blobs = try BlobStore(directory: directory)
            let id = try await blobs.putStream { writer in
                for part in ["first ", "second ", "third"] {
                    await Task.yield()
                    try writer.write(Data(part.utf8))
                }
            }
            #expect(try blobs.data(id) == Data("first second third".utf8))
        }
    }

    @Test func removesAbandonedTemporaryFilesOnOpenButNotOnesBeingWritten() throws {
        try withTemporaryDirectory { directory throws in
            let blobs = try BlobStore(directory: directory)
            let abandoned = directory.appending(path: "tmp/killed-writer.partial")
            try Data("half".utf8).write(to: abandoned)

            let id = try blobs.put { writer in
                try writer.write(Data("still being written".utf8))
                // Another store opening now must leave this writer's file alone...
                let reopened = try BlobStore(directory: directory)
                #expect(regularFiles(under: directory.appending(path: "tmp")).count == 1)
                #expect(!FileManager.default.fileExists(atPath: abandoned.path))
                #expect(try reopened.removeAbandonedTemporaryFiles() == 0)
            }
            // ...so the blob still lands.
            #expect(try blobs.data(id) == Data("still being written".utf8))
            #expect(regularFiles(under: directory.appending(path: "tmp")).isEmpty)
        }
    }

    /// Flips one byte of a stored (read-only) blob, as a disk error or a stray tool would.
    private func corrupt(_ url: URL) throws {
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: url.path)
        var bytes = try Data(contentsOf: url)
        bytes[bytes.startIndex + bytes.count / 2] ^= 0xff
        try bytes.write(to: url)
    }
}
