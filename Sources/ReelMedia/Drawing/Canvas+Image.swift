import CCairo
import Foundation
import ReelKit

/// Moving pixels between `RGBAImage` (straight alpha, bytes R G B A) and cairo's ARGB32 surfaces
/// (premultiplied alpha, one native-endian 32-bit word a pixel, rows padded to a stride).
extension Canvas {
    /// A canvas that starts out holding `image`.
    public convenience init(image: RGBAImage) throws {
        try self.init(width: image.width, height: image.height)
        Self.store(image, into: surface)
    }

    /// The canvas as a straight-alpha RGBA image.
    public func image() -> RGBAImage {
        cairo_surface_flush(surface)
        var pixels = [UInt8](repeating: 0, count: width * height * 4)
        guard let data = cairo_image_surface_get_data(surface) else {
            return RGBAImage(width: width, height: height, pixels: pixels)
        }
        let stride = Int(cairo_image_surface_get_stride(surface))
        let raw = UnsafeRawPointer(data)
        let w = width
        pixels.withUnsafeMutableBufferPointer { out in
            for y in 0..<height {
                let row = raw + y * stride
                var o = y * w * 4
                for x in 0..<w {
                    let word = row.loadUnaligned(fromByteOffset: x * 4, as: UInt32.self)
                    let a = word >> 24
                    let r = (word >> 16) & 0xFF
                    let g = (word >> 8) & 0xFF
                    let b = word & 0xFF
                    if a == 255 {
                        out[o] = UInt8(r)
                        out[o + 1] = UInt8(g)
                        out[o + 2] = UInt8(b)
                    } else if a > 0 {
                        out[o] = UInt8(min(255, (r * 255 + a / 2) / a))
                        out[o + 1] = UInt8(min(255, (g * 255 + a / 2) / a))
                        out[o + 2] = UInt8(min(255, (b * 255 + a / 2) / a))
                    }
                    out[o + 3] = UInt8(a)
                    o += 4
                }
            }
        }
        return RGBAImage(width: width, height: height, pixels: pixels)
    }

    /// Draws `image` scaled into `rect` (no aspect correction: pass a rectangle from
    /// `CanvasRect.fitting` or `covering` to keep proportions), smoothly filtered, faded by `alpha`.
    public func draw(_ image: RGBAImage, in rect: CanvasRect, alpha: Double = 1) {
        guard rect.width > 0, rect.height > 0,
            let source = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(image.width), Int32(image.height))
        else { return }
        defer { cairo_surface_destroy(source) }
        guard cairo_surface_status(source) == CAIRO_STATUS_SUCCESS else { return }
        Self.store(image, into: source)
        withState {
            cairo_rectangle(cairo, rect.x, rect.y, rect.width, rect.height)
            cairo_clip(cairo)
            cairo_translate(cairo, rect.x, rect.y)
            cairo_scale(cairo, rect.width / Double(image.width), rect.height / Double(image.height))
            cairo_set_source_surface(cairo, source, 0, 0)
            if let pattern = cairo_get_source(cairo) {
                // PAD keeps edge pixels from fading into transparent black when scaled.
                cairo_pattern_set_extend(pattern, CAIRO_EXTEND_PAD)
                cairo_pattern_set_filter(pattern, CAIRO_FILTER_GOOD)
            }
            paint(alpha: alpha)
        }
    }

    /// Draws an opaque picture scaled into `rect` (pass a rectangle of the picture's proportions),
    /// carrying `jpeg` — the same picture, already encoded — for surfaces that keep compressed
    /// images: a PDF embeds those bytes as they are, at the picture's full resolution, instead of
    /// the raw pixels. Raster canvases draw the pixels as usual.
    public func drawPhoto(_ image: RGBAImage, jpeg: Data, in rect: CanvasRect) {
        guard rect.width > 0, rect.height > 0, !jpeg.isEmpty,
            let source = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(image.width), Int32(image.height))
        else { return }
        defer { cairo_surface_destroy(source) }
        guard cairo_surface_status(source) == CAIRO_STATUS_SUCCESS else { return }
        Self.store(image, into: source)
        // cairo keeps the bytes as long as the surface lives and frees them with it.
        guard let bytes = malloc(jpeg.count) else { return }
        jpeg.withUnsafeBytes { bytes.copyMemory(from: $0.baseAddress!, byteCount: jpeg.count) }
        let status = cairo_surface_set_mime_data(
            source, "image/jpeg", bytes.assumingMemoryBound(to: UInt8.self), UInt(jpeg.count), free, bytes)
        if status != CAIRO_STATUS_SUCCESS { free(bytes) }
        withState {
            cairo_rectangle(cairo, rect.x, rect.y, rect.width, rect.height)
            cairo_clip(cairo)
            cairo_translate(cairo, rect.x, rect.y)
            cairo_scale(cairo, rect.width / Double(image.width), rect.height / Double(image.height))
            cairo_set_source_surface(cairo, source, 0, 0)
            // No padding here: a padded pattern makes a PDF rasterize a new image instead of the JPEG.
            if let pattern = cairo_get_source(cairo) { cairo_pattern_set_filter(pattern, CAIRO_FILTER_GOOD) }
            cairo_paint(cairo)
        }
    }

    /// Writes straight-alpha RGBA bytes into an ARGB32 surface of the same size, premultiplying.
    static func store(_ image: RGBAImage, into surface: OpaquePointer) {
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else { return }
        let stride = Int(cairo_image_surface_get_stride(surface))
        let raw = UnsafeMutableRawPointer(data)
        let w = image.width
        image.pixels.withUnsafeBufferPointer { src in
            for y in 0..<image.height {
                let row = raw + y * stride
                var i = y * w * 4
                for x in 0..<w {
                    let a = UInt32(src[i + 3])
                    var r = UInt32(src[i])
                    var g = UInt32(src[i + 1])
                    var b = UInt32(src[i + 2])
                    if a < 255 {
                        r = premultiply(r, a)
                        g = premultiply(g, a)
                        b = premultiply(b, a)
                    }
                    row.storeBytes(of: a << 24 | r << 16 | g << 8 | b, toByteOffset: x * 4, as: UInt32.self)
                    i += 4
                }
            }
        }
        cairo_surface_mark_dirty(surface)
    }

    /// `c * a / 255`, correctly rounded.
    @inline(__always) private static func premultiply(_ c: UInt32, _ a: UInt32) -> UInt32 {
        let t = c * a + 128
        return (t + (t >> 8)) >> 8
    }
}
