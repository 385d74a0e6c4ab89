import CDlibFaces
import Foundation
import ReelMedia
import Synchronization

/// Finds and describes the faces in images with dlib, in this process, on the CPU.
///
/// dlib's network must not run two images at once on one instance, so the describer keeps a small
/// pool of instances (one per core by default), each used by one call at a time.
public final class FaceDescriber: Sendable {
    /// Images are scaled down to this longest side before detection (boxes come back in the
    /// original's pixels): it bounds the cost of a take, and faces smaller than about a tenth of
    /// the frame are not what identity scoring is for.
    public let detectionSide: Int
    private let models: FaceModels
    private let capacity: Int
    private let pool: Mutex<FacePool>

    /// Loads the models once (throws ``FaceModelsError`` when they cannot be read).
    public init(
        models: FaceModels, instances: Int = ProcessInfo.processInfo.activeProcessorCount, detectionSide: Int = 800
    )
        throws
    {
        self.models = models
        self.capacity = max(1, instances)
        self.detectionSide = detectionSide
        let first = try FaceHandle(models: models)
        pool = Mutex(FacePool(all: [first], idle: [first]))
    }

    /// The faces in encoded image bytes (PNG, JPEG, WebP, GIF), largest first.
    public func faces(inImageData data: Data) throws -> [DetectedFace] {
        try faces(in: RGBAImage(decoding: data))
    }

    /// The faces in `image`, largest first (at most 16).
    public func faces(in image: RGBAImage) throws -> [DetectedFace] {
        let longest = max(image.width, image.height)
        var scaled = image
        var scale = 1.0
        if longest > detectionSide {
            scale = Double(longest) / Double(detectionSide)
            scaled = image.resized(
                width: max(1, Int((Double(image.width) / scale).rounded())),
                height: max(1, Int((Double(image.height) / scale).rounded())))
        }
        // Small images are upsampled once so that faces down to about 40 pixels are found.
        let upsample: Int32 = max(scaled.width, scaled.height) < 400 ? 1 : 0
        let (handle, pooled) = try takeHandle()
        defer { if pooled { pool.withLock { $0.idle.append(handle) } } }
        let found = try handle.describe(
            rgb: scaled.rgbBytes(), width: scaled.width, height: scaled.height, upsample: upsample)
        return found.map { face in
            let box = FaceBox(
                left: Int((Double(face.box.left) * scale).rounded()),
                top: Int((Double(face.box.top) * scale).rounded()),
                right: Int((Double(face.box.right) * scale).rounded()),
                bottom: Int((Double(face.box.bottom) * scale).rounded()))
            return DetectedFace(box: box, descriptor: face.descriptor)
        }
    }

    /// An idle instance, a new one while fewer than the pool's size exist, else a busy one
    /// (whose own lock then makes this call wait its turn).
    private func takeHandle() throws -> (handle: FaceHandle, pooled: Bool) {
        enum Choice {
            case idle(FaceHandle)
            case create
            case busy(FaceHandle)
        }
        let choice: Choice = pool.withLock { pool in
            if let handle = pool.idle.popLast() { return .idle(handle) }
            if pool.all.count + pool.reserved < capacity {
                pool.reserved += 1
                return .create
            }
            pool.turn += 1
            return .busy(pool.all[pool.turn % pool.all.count])
        }
        switch choice {
        case .idle(let handle): return (handle, true)
        case .busy(let handle): return (handle, false)
        case .create:
            do {
                let handle = try FaceHandle(models: models)
                pool.withLock {
                    $0.reserved -= 1
                    $0.all.append(handle)
                }
                return (handle, true)
            } catch {
                pool.withLock { $0.reserved -= 1 }
                throw error
            }
        }
    }
}

/// The describer's instances: all of them, the idle ones, and how many are being created.
struct FacePool {
    var all: [FaceHandle]
    var idle: [FaceHandle]
    var reserved = 0
    var turn = 0
}

/// One dlib instance behind the C API; calls on it are serialised by the C side.
final class FaceHandle: @unchecked Sendable {
    private let pointer: OpaquePointer

    init(models: FaceModels) throws {
        var message = [CChar](repeating: 0, count: 512)
        guard
            let pointer = reel_faces_open(
                models.shapePredictor.path, models.recognitionModel.path, &message, message.count)
        else {
            throw FaceModelsError.unloadable(
                String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        self.pointer = pointer
    }

    deinit { reel_faces_close(pointer) }

    func describe(rgb: [UInt8], width: Int, height: Int, upsample: Int32) throws -> [DetectedFace] {
        let capacity: Int32 = 16
        var out = [reel_face](repeating: reel_face(), count: Int(capacity))
        var message = [CChar](repeating: 0, count: 512)
        let found = reel_faces_describe(
            pointer, rgb, Int32(width), Int32(height), upsample, &out, capacity, &message, message.count)
        guard found >= 0 else {
            throw FaceDetectionError(
                message: String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return out.prefix(Int(min(found, capacity))).map { face in
            var values = [Float](repeating: 0, count: 128)
            withUnsafeBytes(of: face.descriptor) { raw in
                let floats = raw.bindMemory(to: Float.self)
                for index in 0..<128 { values[index] = floats[index] }
            }
            return DetectedFace(
                box: FaceBox(
                    left: Int(face.left), top: Int(face.top), right: Int(face.right), bottom: Int(face.bottom)),
                descriptor: FaceDescriptor(values))
        }
    }
}

/// dlib failed on an image (not a missing model: that is ``FaceModelsError``).
public struct FaceDetectionError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { "face detection failed: \(message)" }
}
