import Foundation
import ReelFaces
import ReelKit
import ReelMedia
import ReelStore
import Synchronization

/// Scores a film's candidates for identity against its cast: faces found (cached per blob and
/// scorer version), each character's references described from the cast sheet's pick and the
/// `references:` files, verdicts stored per blob, scorer version and cast.
///
/// ```swift
/// let review = IdentityReview(studio: studio)
/// let ridge = try await review.scoreLatestTake(shotID: "ridge")
/// ```
public struct IdentityReview: Sendable {
    public let studio: Studio
    public let scorer: IdentityScorer
    private let loader: DescriberLoader

    /// `describer` makes the face describer the first time an image is not in the store's cache
    /// (by default from ``FaceModels/locate(environment:)``, which throws ``FaceModelsError``
    /// saying how to get the models); scores already stored need no models at all.
    /// `threshold` overrides the film's `score: { threshold: }`.
    public init(
        studio: Studio, threshold: Double? = nil,
        describer: @escaping @Sendable () throws -> FaceDescriber = { try FaceDescriber(models: FaceModels.locate()) }
    ) {
        self.studio = studio
        self.loader = DescriberLoader(make: describer)
        self.scorer = IdentityScorer(
            threshold: threshold ?? studio.film.scoreThreshold ?? IdentityScorer.defaultThreshold)
    }

    /// The face describer, loaded on first use.
    public func describer() throws -> FaceDescriber { try loader.get() }

    var store: Store { studio.store }

    /// The faces in an image, from the store's cache when this scorer version has seen the blob.
    public func faces(of data: Data, blob: BlobID) throws -> [DetectedFace] {
        if let json = try store.faceDescriptorsJSON(blob: blob, scorerVersion: IdentityScorer.version),
            let faces = try? JSONDecoder().decode([DetectedFace].self, from: Data(json.utf8))
        {
            return faces
        }
        let faces = try describer().faces(inImageData: data)
        let json = String(decoding: try JSONEncoder().encode(faces), as: UTF8.self)
        try store.recordFaceDescriptors(json, blob: blob, scorerVersion: IdentityScorer.version)
        return faces
    }

    /// The faces in a stored blob.
    public func faces(ofBlob blob: BlobID) throws -> [DetectedFace] {
        if let json = try store.faceDescriptorsJSON(blob: blob, scorerVersion: IdentityScorer.version),
            let faces = try? JSONDecoder().decode([DetectedFace].self, from: Data(json.utf8))
        {
            return faces
        }
        return try faces(of: store.blobs.data(blob), blob: blob)
    }

    /// The characters `shot` names, in the order its prompt names them.
    public func namedCharacters(in shot: Shot) -> [String] {
        var names: [String] = []
        for mention in PromptMention.scan(shot.promptText)
        where studio.film.character(mention.name) != nil && !names.contains(mention.name) {
            names.append(mention.name)
        }
        return names
    }

    /// A character's reference faces: every face on its sheet's pick and in its `references:`
    /// images (files relative to the project, downloaded URLs). Unreadable references are skipped.
    public func reference(for character: String) throws -> (reference: CharacterReference, blobs: [BlobID]) {
        var descriptors: [FaceDescriptor] = []
        var blobs: [BlobID] = []
        if let picked = try store.pickedCandidate(for: CastSheet.id(of: character)) {
            descriptors += try faces(ofBlob: picked.blob).map(\.descriptor)
            blobs.append(picked.blob)
        }
        for written in studio.film.character(character)?.references ?? [] {
            guard let (data, blob) = try referenceImage(written) else { continue }
            descriptors += (try? faces(of: data, blob: blob).map(\.descriptor)) ?? []
            blobs.append(blob)
        }
        return (CharacterReference(character: character, descriptors: descriptors), blobs)
    }

    /// A `references:` entry's bytes: a file under the project, or a URL already downloaded.
    func referenceImage(_ written: String) throws -> (Data, BlobID)? {
        if written.contains("://") {
            guard let hex = try store.meta(.referenceURL(written)), let blob = try? BlobID(hex) else { return nil }
            return (try store.blobs.data(blob), blob)
        }
        // Under the project directory however its URL was spelled (`relativeTo:` drops the last
        // component of a directory URL without a trailing slash).
        let url = written.hasPrefix("/") ? URL(filePath: written) : studio.project.directory.appending(path: written)
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return (data, BlobID.of(data))
    }
}

/// Makes the describer once, on first use, for every copy of the review.
final class DescriberLoader: Sendable {
    private let make: @Sendable () throws -> FaceDescriber
    private let made = Mutex<FaceDescriber?>(nil)

    init(make: @escaping @Sendable () throws -> FaceDescriber) { self.make = make }

    func get() throws -> FaceDescriber {
        try made.withLock { made in
            if let made { return made }
            let describer = try make()
            made = describer
            return describer
        }
    }
}
