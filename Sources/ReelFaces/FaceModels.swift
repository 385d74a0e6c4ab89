import Foundation

/// The two trained dlib files the scorer needs, found on this machine (never downloaded).
public struct FaceModels: Sendable, Hashable {
    public static let shapePredictorName = "shape_predictor_5_face_landmarks.dat"
    public static let recognitionModelName = "dlib_face_recognition_resnet_model_v1.dat"

    public let shapePredictor: URL
    public let recognitionModel: URL

    /// Both files in `directory`.
    public init(directory: URL) {
        shapePredictor = directory.appendingPathComponent(Self.shapePredictorName)
        recognitionModel = directory.appendingPathComponent(Self.recognitionModelName)
    }

    /// `REEL_FACE_MODELS` (a directory) when set, else the `face_recognition_models` Python package
    /// in any site-packages or dist-packages directory of this machine.
    /// Throws ``FaceModelsError`` saying how to get the files when neither has them.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> FaceModels
    {
        if let directory = environment["REEL_FACE_MODELS"], !directory.isEmpty {
            let models = FaceModels(directory: URL(fileURLWithPath: directory))
            if let missing = models.missingFile { throw FaceModelsError.missing(missing, in: directory) }
            return models
        }
        for directory in packageDirectories(environment: environment) {
            let models = FaceModels(directory: directory)
            if models.missingFile == nil { return models }
        }
        throw FaceModelsError.notInstalled
    }

    /// The first of the two files that is not there, if any.
    public var missingFile: String? {
        for file in [shapePredictor, recognitionModel] where !FileManager.default.fileExists(atPath: file.path) {
            return file.lastPathComponent
        }
        return nil
    }

    /// `…/face_recognition_models/models` under every Python package directory that may hold it.
    static func packageDirectories(environment: [String: String]) -> [URL] {
        let home = environment["HOME"] ?? NSHomeDirectory()
        var roots = (environment["PYTHONPATH"] ?? "").split(separator: ":").map(String.init)
        if let venv = environment["VIRTUAL_ENV"] { roots += pythonLibraries(under: "\(venv)/lib") }
        roots += ["/usr/lib/python3/dist-packages", "/usr/local/lib/python3/dist-packages"]
        roots += pythonLibraries(under: "/usr/local/lib") + pythonLibraries(under: "/usr/lib")
        roots += pythonLibraries(under: "\(home)/.local/lib")
        let pyenv = environment["PYENV_ROOT"] ?? "\(home)/.pyenv"
        for version in contents(of: "\(pyenv)/versions") { roots += pythonLibraries(under: "\(version)/lib") }
        roots += pythonLibraries(under: "/opt/conda/lib")
        return roots.map { URL(fileURLWithPath: $0).appendingPathComponent("face_recognition_models/models") }
    }

    /// `site-packages` and `dist-packages` in every `python3*` directory under `lib`.
    private static func pythonLibraries(under lib: String) -> [String] {
        contents(of: lib).filter { ($0 as NSString).lastPathComponent.hasPrefix("python3") }.flatMap {
            ["\($0)/site-packages", "\($0)/dist-packages"]
        }
    }

    private static func contents(of directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.sorted().map { "\(directory)/\($0)" }
    }
}

/// The face models could not be found or loaded; the message says how to get them.
public struct FaceModelsError: Error, Sendable, CustomStringConvertible {
    public let description: String

    static let howToGet =
        "install them with `pip install face-recognition-models==0.3.0` (scripts/bootstrap does), or set REEL_FACE_MODELS to a directory holding \(FaceModels.shapePredictorName) and \(FaceModels.recognitionModelName)"

    static let notInstalled = FaceModelsError(
        description: "identity scoring needs dlib's face models, which are not on this machine: \(howToGet)")

    static func missing(_ file: String, in directory: String) -> FaceModelsError {
        FaceModelsError(description: "REEL_FACE_MODELS is \(directory), which has no \(file): \(howToGet)")
    }

    static func unloadable(_ reason: String) -> FaceModelsError {
        FaceModelsError(description: "dlib could not load the face models (\(reason)): \(howToGet)")
    }
}
