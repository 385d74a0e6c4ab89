import ReelFaces
import Synchronization

/// dlib's models loaded once for the whole process (a second each time otherwise): the studio
/// builds a review per request, and `reel make --coherent` one per shot.
public enum SharedFaceDescriber {
    private static let loaded = Mutex<FaceDescriber?>(nil)

    /// The describer, loading the models on first use; throws ``FaceModelsError`` saying how to get
    /// them when they are not on this machine (and tries again next time).
    public static func get() throws -> FaceDescriber {
        try loaded.withLock { loaded in
            if let loaded { return loaded }
            let describer = try FaceDescriber(models: FaceModels.locate())
            loaded = describer
            return describer
        }
    }
}
