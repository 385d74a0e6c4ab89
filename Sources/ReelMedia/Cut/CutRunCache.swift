import Crypto
import Foundation

/// The transitions a cut encoded, each kept under what it was made from: the next cut of a film
/// that changed in one place encodes only the runs that touch that place and copies the rest.
///
/// A run is known by its clips' files (path, size, modification time and inode), the frames it
/// takes from each, how they are fitted and blended, and the encoder's settings, size and rate.
/// The folder holds only the runs of the last cut: ``prune(keeping:)`` removes the others.
///
/// ```swift
/// let cutter = Cutter(ffmpeg: ffmpeg, runCache: CutRunCache(directory: project.appending(path: ".reel/cut-runs")))
/// ```
public struct CutRunCache: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// The key of `job` in `plan`, or nil when one of its files cannot be read.
    func key(of job: RunsEncoder.Job, plan: CutPlan) -> String? {
        var description = "\(plan.encoder.fingerprint)|\(plan.size.width)x\(plan.size.height)@\(plan.fps)"
        description += "|\(job.run.transition)"
        for part in [job.first, job.second] {
            guard let part else {
                description += "|none"
                continue
            }
            guard let identity = Self.identity(of: part.url) else { return nil }
            description += "|\(identity) skip \(part.skip) count \(part.count) seek \(part.seek)"
            description += " fit \(part.fit.picture) \(part.fit.rate)"
        }
        return SHA256.hash(data: Data(description.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The cached run for `key`, if there is one.
    func file(for key: String) -> URL? {
        let url = directory.appending(path: "\(key).mp4")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// Moves a freshly encoded run into the cache under `key` and returns where it now is; when
    /// it cannot be kept (a full or read-only disk) the run stays where it was, uncached.
    func keep(_ piece: URL, key: String) -> URL {
        let url = directory.appending(path: "\(key).mp4")
        guard (try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)) != nil,
            rename(piece.path, url.path) == 0
        else { return piece }
        return url
    }

    /// Removes every run but those in `keys`.
    public func prune(keeping keys: Set<String>) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names where name.hasSuffix(".mp4") && !keys.contains(String(name.dropLast(4))) {
            try? FileManager.default.removeItem(at: directory.appending(path: name))
        }
    }

    private static func identity(of url: URL) -> String? {
        var status = stat()
        guard stat(url.path, &status) == 0 else { return nil }
        let modified = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
        return "\(url.path) \(status.st_size) \(modified) \(status.st_ino)"
    }
}
