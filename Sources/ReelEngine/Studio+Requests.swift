import Foundation
import ReelKit
import ReelMedia
import ReelStore

/// A shot's request as it would be sent now: composed from the film, input images resolved to
/// blobs, and keyed. `promptKey` names "this prompt on this backend": takes made from it
/// (and their rerolls and variations) are current; a pick from any other is stale.
public struct CurrentRequest: Sendable {
    public var shot: Shot
    public var backend: String
    public var request: Request
    public var promptKey: StepKey
    public var notes: [String]
}

extension Studio {
    /// Composes and resolves the shot's request; fails when a `from:` shot has no pick yet.
    public func currentRequest(for shot: Shot) throws -> CurrentRequest {
        let backendName = shot.imageBackend ?? film.backends.image
        let backend = try registry.image(backendName)
        let composed = composer.compose(shot, sizes: backend.capabilities.sizes)
        var request = composed.request
        request.initImage = try request.initImage.map { try resolve($0, for: shot) }
        request.imagePrompts = try request.imagePrompts.map {
            WeightedImage(try resolve($0.source, for: shot), weight: $0.weight)
        }
        if request.placedPeople.isEmpty {
            request.characterReferences =
                try castSheetReferences(of: shot)
                + request.characterReferences.map {
                    WeightedImage(try resolve($0.source, for: shot), weight: $0.weight)
                }
        }
        try resolvePeopleReferences(of: &request, for: shot)
        request.styleReferences = try request.styleReferences.map {
            WeightedImage(try resolve($0.source, for: shot), weight: $0.weight)
        }
        let notes = composed.notes + Self.droppedFeatures(of: request, by: backend)
        let key = try StepKey(kind: "prompt", backend: backendName, inputs: request)
        return CurrentRequest(shot: shot, backend: backendName, request: request, promptKey: key, notes: notes)
    }

    /// The picked reference sheets of the characters and locations `shot` names, first among
    /// its references. With `cast_sheets: true` a sheet without a pick is an error (the plan
    /// makes sheets first); otherwise a shot simply has no sheet until `reel cast` makes one.
    func castSheetReferences(of shot: Shot) throws -> [WeightedImage] {
        guard CastSheet.name(ofSheet: shot.id) == nil else { return [] }
        return try sheetPicks(film.castSheets(namedIn: shot), for: shot)
    }

    /// The picks of `sheets`, in order; see `castSheetReferences(of:)` for a sheet without one.
    func sheetPicks(_ sheets: [String], for shot: Shot) throws -> [WeightedImage] {
        var references: [WeightedImage] = []
        for sheet in sheets {
            if let picked = try store.pickedCandidate(for: sheet) {
                references.append(WeightedImage(.blob(picked.blob.hex)))
            } else if film.castSheets {
                throw ReelError(
                    .invalidInput, "shot '\(shot.id)' names \(sheet), whose reference sheet has no pick yet",
                    suggesting: [.pick(shot: sheet), .make])
            }
        }
        return references
    }

    /// Turns a shot reference or a file into a blob; URLs need a network and are refused here.
    func resolve(_ source: ImageSource, for shot: Shot) throws -> ImageSource {
        switch source {
        case .blob:
            return source
        case .shot(let id):
            guard let picked = try store.pickedCandidate(for: id) else {
                throw ReelError(
                    .invalidInput,
                    "shot '\(shot.id)' starts from shot '\(id)', which has no pick yet",
                    suggesting: [.pick(shot: id), .make])
            }
            return .blob(picked.blob.hex)
        case .path(let path):
            let url = URL(filePath: path, relativeTo: project.directory)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw ReelError(
                    .notFound,
                    "shot '\(shot.id)': image '\(path)' was not found (paths are relative to the project directory)")
            }
            do {
                _ = try RGBAImage(decoding: data)
            } catch {
                throw ReelError(.invalidInput, "shot '\(shot.id)': '\(path)' is not an image Reel can read: \(error)")
            }
            return .blob(try store.blobs.put(data).hex)
        case .url(let url):
            return try resolveReferenceURL(url, for: shot)
        }
    }

    /// What the backend will ignore of this request, as sentences for the user.
    static func droppedFeatures(of request: Request, by backend: any ImageBackend) -> [String] {
        let can = backend.capabilities
        var dropped: [String] = []
        if !can.seed { dropped.append("the seed (each run draws anew)") }
        if request.negative != nil && !can.negativePrompt { dropped.append("the negative prompt (--no)") }
        if request.initImage != nil && !can.initImage { dropped.append("the init image") }
        if !request.characterReferences.isEmpty && can.characterReferenceLimit == 0 {
            dropped.append("character references")
        }
        if !request.styleReferences.isEmpty && !can.styleReferences { dropped.append("style references (--sref)") }
        if request.weightedPrompt.count > 1 && !can.promptWeights {
            dropped.append(":: weights (the parts are joined)")
        }
        var notes = referenceNotes(of: request, by: backend)
        if !dropped.isEmpty {
            notes.insert("backend '\(backend.name)' cannot honour \(dropped.joined(separator: ", ")); dropped", at: 0)
        }
        return notes
    }
}
