import CJPEGHelpers
import CPNGHelpers
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes an encoded image (a file, or bytes) straight into a smaller picture: PNG rows and JPEG
/// scanlines (which libjpeg first scales by 1/2–1/8 in the DCT) are averaged into the target as
/// they are read, so a 2048² result drawn into a 760² grid cell never exists whole in memory.
/// The picture is the one full decoding and ``RGBAImage/resized(width:height:)`` give (PNG exactly,
/// JPEG within the DCT scaling's rounding). WebP, GIF, interlaced or 16-bit PNG are decoded whole.
///
/// ```swift
/// let decoder = try DownsamplingDecoder(fileAt: result)
/// let cell = try decoder.decode(width: 760, height: 760)
/// ```
public struct DownsamplingDecoder: Sendable {
    enum Source: Sendable {
        case file(URL)
        case data(Data)
    }

    let source: Source
    public let format: ImageFormat
    /// The encoded image's size.
    public let width: Int
    public let height: Int

    /// Reads the header of the image in `url`; throws ``ImageDecodingError`` when it is none.
    public init(fileAt url: URL) throws {
        let head = try Self.withFile(.file(url)) { file in
            var bytes = [UInt8](repeating: 0, count: 32)
            let count = fread(&bytes, 1, 32, file)
            return Data(bytes[0..<count])
        }
        try self.init(source: .file(url), head: head)
    }

    /// Reads the header of the image in `data`.
    public init(data: Data) throws {
        try self.init(source: .data(data), head: data.prefix(32))
    }

    private init(source: Source, head: Data) throws {
        guard let format = ImageFormat.sniff(head) else { throw ImageDecodingError.notAnImage(head) }
        self.source = source
        self.format = format
        switch format {
        case .png:
            guard head.count >= 24 else { throw ImageDecodingError.truncated(.png) }
            let bytes = [UInt8](head)
            width = Self.bigEndian(bytes, 16)
            height = Self.bigEndian(bytes, 20)
        case .jpeg:
            var message = [CChar](repeating: 0, count: Self.messageCapacity)
            var w: Int32 = 0
            var h: Int32 = 0
            let status = try Self.withFile(source) {
                reel_jpeg_read_size_file($0, &w, &h, &message, Self.messageCapacity)
            }
            try Self.check(status, message)
            width = Int(w)
            height = Int(h)
        case .webp, .gif:
            let whole = try ImageCodec.decode(try Self.bytes(of: source))
            width = whole.width
            height = whole.height
        }
        try ImageDecodingError.checkSize(format, width: width, height: height)
    }

    /// The image resized to `width` × `height` (area averaging), read row by row where the
    /// format allows.
    public func decode(width targetWidth: Int, height targetHeight: Int) throws -> RGBAImage {
        switch format {
        case .png:
            if let image = try streamedPNG(targetWidth, targetHeight) { return image }
        case .jpeg:
            return try streamedJPEG(targetWidth, targetHeight)
        case .webp, .gif:
            break
        }
        let whole = try ImageCodec.decode(try Self.bytes(of: source))
        return whole.resized(width: targetWidth, height: targetHeight)
    }

    /// Nil when the PNG needs conversions only the whole-image decoder makes.
    private func streamedPNG(_ targetWidth: Int, _ targetHeight: Int) throws -> RGBAImage? {
        let sampler = RowDownsampler(sourceWidth: width, sourceHeight: height, width: targetWidth, height: targetHeight)
        var message = [CChar](repeating: 0, count: Self.messageCapacity)
        var w: Int32 = 0
        var h: Int32 = 0
        let status = try Self.withFile(source) { file in
            reel_png_read_rows(
                file, Int32(ImageDecodingError.maximumSide), &w, &h,
                { context, row, y in DownsamplingDecoder.take(context, row, y) },
                Unmanaged.passUnretained(sampler).toOpaque(),
                &message, Self.messageCapacity)
        }
        switch status {
        case REEL_PNG_OK:
            guard let image = sampler.finished() else { throw ImageDecodingError.truncated(.png) }
            return image
        case REEL_PNG_UNSUPPORTED: return nil
        default:
            let text = Self.text(message)
            // libpng's stdio reader says "Read Error" when the file ends early.
            if sampler.rowsSeen < height || text.contains("Read Error") {
                throw ImageDecodingError.truncated(.png)
            }
            throw ImageDecodingError.corrupt(.png, detail: text)
        }
    }

    private func streamedJPEG(_ targetWidth: Int, _ targetHeight: Int) throws -> RGBAImage {
        // The largest DCT scaling that keeps at least the target's size; libjpeg rounds up.
        func scaled(_ side: Int, _ divisor: Int) -> Int { (side + divisor - 1) / divisor }
        let divisors: [Int] = [8, 4, 2]
        let denominator: Int =
            divisors.first { scaled(width, $0) >= targetWidth && scaled(height, $0) >= targetHeight } ?? 1
        let scaledWidth = scaled(width, denominator)
        let scaledHeight = scaled(height, denominator)
        let sampler = RowDownsampler(
            sourceWidth: scaledWidth, sourceHeight: scaledHeight, width: targetWidth, height: targetHeight)
        var message = [CChar](repeating: 0, count: Self.messageCapacity)
        let status = try Self.withFile(source) { file in
            reel_jpeg_read_rows(
                file, Int32(denominator), Int32(scaledWidth), Int32(scaledHeight),
                { context, row, y in DownsamplingDecoder.take(context, row, y) },
                Unmanaged.passUnretained(sampler).toOpaque(),
                &message, Self.messageCapacity)
        }
        try Self.check(status, message)
        guard let image = sampler.finished() else { throw ImageDecodingError.truncated(.jpeg) }
        return image
    }

    private static let messageCapacity = 256

    /// Hands a decoded row to the `RowDownsampler` behind `context` (both C readers call it).
    private static func take(_ context: UnsafeMutableRawPointer?, _ row: UnsafePointer<UInt8>?, _ y: Int32) {
        guard let context, let row else { return }
        Unmanaged<RowDownsampler>.fromOpaque(context).takeUnretainedValue().take(row: Int(y), row)
    }

    /// Runs `body` with a stdio stream over the source: the file, or the bytes through fmemopen.
    private static func withFile<T>(_ source: Source, _ body: (UnsafeMutablePointer<FILE>) throws -> T) throws -> T {
        switch source {
        case .file(let url):
            guard let file = fopen(url.path, "rb") else {
                throw ImageDecodingError.corrupt(
                    .png, detail: "cannot open \(url.path): \(String(cString: strerror(errno)))")
            }
            defer { fclose(file) }
            return try body(file)
        case .data(let data):
            return try data.withUnsafeBytes { bytes in
                // Opened for reading only: fmemopen's non-const buffer is never written.
                guard let base = bytes.baseAddress, bytes.count > 0,
                    let file = fmemopen(UnsafeMutableRawPointer(mutating: base), bytes.count, "rb")
                else {
                    throw ImageDecodingError.notAnImage(Data())
                }
                defer { fclose(file) }
                return try body(file)
            }
        }
    }

    private static func bytes(of source: Source) throws -> Data {
        switch source {
        case .file(let url): try Data(contentsOf: url)
        case .data(let data): data
        }
    }

    private static func check(_ status: reel_jpeg_status, _ message: [CChar]) throws {
        switch status {
        case REEL_JPEG_OK: return
        case REEL_JPEG_TRUNCATED: throw ImageDecodingError.truncated(.jpeg)
        default: throw ImageDecodingError.corrupt(.jpeg, detail: text(message))
        }
    }

    private static func text(_ message: [CChar]) -> String {
        String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func bigEndian(_ bytes: [UInt8], _ offset: Int) -> Int {
        Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
    }
}
