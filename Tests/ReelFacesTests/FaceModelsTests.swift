import Foundation
import ReelFaces
import Testing

struct FaceModelsTests {
    @Test func aDirectoryWithoutTheModelsSaysHowToGetThem() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("no-face-models-\(UUID())")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let error = #expect(throws: FaceModelsError.self) {
            try FaceModels.locate(environment: ["REEL_FACE_MODELS": empty.path])
        }
        let message = error?.description ?? ""
        #expect(message.contains("pip install face-recognition-models==0.3.0"))
        #expect(message.contains("REEL_FACE_MODELS"))
        #expect(message.contains("shape_predictor_5_face_landmarks.dat"))
    }

    @Test func noPythonPackageSaysHowToGetThem() throws {
        let nowhere = FileManager.default.temporaryDirectory.appendingPathComponent("no-home-\(UUID())").path
        let error = #expect(throws: FaceModelsError.self) {
            try FaceModels.locate(environment: ["HOME": nowhere, "PYENV_ROOT": nowhere, "PYTHONPATH": nowhere])
        }
        // System-wide installs may still be found; only when none is, the message must say how.
        if let error { #expect(error.description.contains("pip install face-recognition-models==0.3.0")) }
    }

    @Test func aModelFileThatIsNotAModelIsAClearError() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bad-face-models-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in [FaceModels.shapePredictorName, FaceModels.recognitionModelName] {
            try Data("not a model".utf8).write(to: directory.appendingPathComponent(name))
        }
        let models = try FaceModels.locate(environment: ["REEL_FACE_MODELS": directory.path])
        let error = #expect(throws: FaceModelsError.self) { try FaceDescriber(models: models) }
        #expect(error?.description.contains("pip install face-recognition-models==0.3.0") == true)
    }
}
