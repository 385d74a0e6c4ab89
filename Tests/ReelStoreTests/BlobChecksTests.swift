import Foundation
import ReelStore
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A project's blob store re-hashes a blob only when its file changed since it was last found
/// intact (size, modification time, inode), as git's index does.
@Suite struct BlobChecksTests {
    @Test func aBlobOverwrittenWithOtherBytesOfTheSameSizeIsCaught() throws {
        try withStore { store in
            let id = try store.blobs.put(Data(repeating: 1, count: 4096))
            let path = store.blobs.url(id).path
            // Written an hour ago, so the overwrite below gets another modification time.
            try FileManager.default.setAttributes([.modificationDate: Date() - 3600], ofItemAtPath: path)
            #expect(try store.blobs.verify(id))
            try overwrite(path, with: Data(repeating: 2, count: 4096))
            #expect(try !store.blobs.verify(id))
            #expect(throws: StoreError.self) { try store.blobs.verifiedURL(id) }
        }
    }

    @Test func anUnchangedBlobIsNotReadAgain() throws {
        try withStore { store in
            let id = try store.blobs.put(Data(repeating: 1, count: 4096))
            let path = store.blobs.url(id).path
            #expect(try store.blobs.verify(id))
            // Other bytes behind the same size, time and inode: only a verify that reads would see them.
            let before = try modificationTime(of: path)
            try overwrite(path, with: Data(repeating: 2, count: 4096))
            try setModificationTime(of: path, to: before)
            #expect(try store.blobs.verify(id))
            #expect(try Store.open(projectDirectory: store.projectDirectory).blobs.verify(id))
        }
    }

    @Test func aStoreOnItsOwnReadsEveryTime() throws {
        try withTemporaryDirectory { directory in
            let blobs = try BlobStore(directory: directory)
            let id = try blobs.put(Data(repeating: 1, count: 4096))
            let path = blobs.url(id).path
            let before = try modificationTime(of: path)
            try overwrite(path, with: Data(repeating: 2, count: 4096))
            try setModificationTime(of: path, to: before)
            #expect(try !blobs.verify(id))
        }
    }

    @Test func aMissingBlobIsNotIntact() throws {
        try withStore { store in
            let id = try store.blobs.put(Data(repeating: 1, count: 64))
            #expect(try store.blobs.verify(id))
            try FileManager.default.removeItem(at: store.blobs.url(id))
            #expect(try !store.blobs.verify(id))
        }
    }

    /// Rewrites the file in place (same inode), as a disk error or a careless tool would.
    private func overwrite(_ path: String, with data: Data) throws {
        let handle = try #require(FileHandle(forWritingAtPath: path))
        defer { try? handle.close() }
        try handle.write(contentsOf: data)
    }

    private func modificationTime(of path: String) throws -> timespec {
        var info = stat()
        try #require(stat(path, &info) == 0)
        #if canImport(Darwin)
        return info.st_mtimespec
        #else
        return info.st_mtim
        #endif
    }

    private func setModificationTime(of path: String, to time: timespec) throws {
        let times = [time, time]  // access and modification
        try #require(utimensat(AT_FDCWD, path, times, 0) == 0)
    }
}
