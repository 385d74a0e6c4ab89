import Foundation
import ReelBackends
import ReelKit
import ReelMedia
import ReelStore
import ReelTesting
import Testing

/// Every error type Reel throws, looked up through ``ReelFailure``: its code is kebab-case and it
/// maps to the documented exit code and HTTP status.
@Suite struct EveryFailureTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var failure: any ReelFailure
        var exitCode: Int32
        var status: Int
        var testDescription: String { "\(type(of: failure)) \(failure.code.rawValue)" }
    }

    static let cases: [Case] = [
        Case(failure: ReelError(.invalidInput, "x"), exitCode: 1, status: 400),
        Case(failure: ReelError(.notFound, "x"), exitCode: 1, status: 404),
        Case(failure: ReelError(.missingTool, "x"), exitCode: 1, status: 503),
        Case(failure: ReelError(.backend, "x"), exitCode: 1, status: 502),
        Case(failure: ReelError(.internal, "x"), exitCode: 2, status: 500),
        Case(failure: DiagnosticsError([.error("x", at: nil)]), exitCode: 1, status: 422),
        Case(failure: RemoteJobLost(jobID: "j", backend: "comfyui"), exitCode: 1, status: 502),
        Case(failure: StoreError(.corruptBlob, "x"), exitCode: 2, status: 500),
        Case(failure: StoreError(.missingBlob, "x"), exitCode: 1, status: 404),
        Case(failure: StoreError(.invalidBlobID, "x"), exitCode: 1, status: 400),
        Case(failure: StoreError(.newerStore, "x"), exitCode: 1, status: 400),
        Case(failure: StoreError(.notFound, "x"), exitCode: 1, status: 404),
        Case(failure: StoreError(.invalidRecord, "x"), exitCode: 2, status: 500),
        Case(failure: StoreError(.noProjectDirectory, "x"), exitCode: 1, status: 404),
        Case(failure: StoreError(.io, "x"), exitCode: 2, status: 500),
        Case(failure: StoreError(.database, "x"), exitCode: 2, status: 500),
        Case(failure: BackendError(.unreachable, backend: "comfyui", "x"), exitCode: 1, status: 502),
        Case(failure: BackendError(.rateLimited, backend: "comfyui", "x"), exitCode: 1, status: 502),
        Case(failure: BackendError(.rejected, backend: "comfyui", "x"), exitCode: 1, status: 502),
        Case(failure: BackendError(.serverError, backend: "comfyui", "x"), exitCode: 1, status: 502),
        Case(failure: BackendError(.badResponse, backend: "comfyui", "x"), exitCode: 1, status: 502),
        Case(failure: BackendError(.notAnImage, backend: "comfyui", "x"), exitCode: 1, status: 502),
        Case(failure: BackendError(.timedOut, backend: "comfyui", "x"), exitCode: 1, status: 502),
        Case(failure: BackendError(.cancelled, backend: "comfyui", "x"), exitCode: 130, status: 503),
        Case(failure: FFmpegError(.notFound, "x"), exitCode: 1, status: 503),
        Case(failure: FFmpegError(.failed, "x"), exitCode: 2, status: 500),
        Case(failure: FFmpegError(.invalidOutput, "x"), exitCode: 2, status: 500),
        Case(failure: FFmpegError(.invalidRequest, "x"), exitCode: 2, status: 500),
        Case(failure: CutError("x", entry: 1), exitCode: 1, status: 400),
        Case(failure: ImageDecodingError(.notAnImage, format: nil, message: "x"), exitCode: 1, status: 400),
        Case(failure: ImageDecodingError(.tooLarge, format: .png, message: "x"), exitCode: 1, status: 400),
        Case(failure: ImageEncodingError(format: .png, message: "x"), exitCode: 2, status: 500),
        Case(failure: AnimationEncodingError("x"), exitCode: 2, status: 500),
        Case(failure: mismatch(), exitCode: 1, status: 400),
        Case(failure: ClientKilled(), exitCode: 130, status: 503),
    ]

    static func mismatch() -> any ReelFailure {
        do {
            _ = try SSIM.compute(RGBAImage(width: 2, height: 2), RGBAImage(width: 3, height: 3))
        } catch let failure as any ReelFailure {
            return failure
        } catch {}
        return ReelError(.internal, "SSIM compared images of two sizes")
    }

    @Test(arguments: cases)
    func mapsToTheDocumentedExitCodeAndStatus(_ entry: Case) {
        #expect(entry.failure.exitCode == entry.exitCode)
        #expect(entry.failure.httpStatus == entry.status)
        #expect(entry.failure.kind.exitCode == entry.exitCode)
    }

    @Test(arguments: cases)
    func codesAreKebabCase(_ entry: Case) {
        let code = entry.failure.code.rawValue
        #expect(code.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*/) != nil, "\(code)")
    }

    @Test(arguments: cases)
    func messagesNameNoCommand(_ entry: Case) {
        #expect(!entry.failure.message.isEmpty)
        #expect(!entry.failure.message.contains("`reel "))
    }
}
