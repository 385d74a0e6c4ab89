import CCairo
import ReelKit

/// A drawing surface over cairo: an ARGB32 image of a fixed size with anti-aliased paths, fills,
/// strokes, gradients, transforms and text. Coordinates are pixels, origin top left, y down. A
/// `PDFDocument` hands out a canvas over its pages instead, in points; it has no pixels to read.
///
/// The canvas owns its cairo surface and context and releases them when it goes away; it is a
/// reference type because cairo's drawing state is mutable and shared by every call. Read the
/// result with `image()`:
///
/// ```swift
/// let image = try Canvas.withCanvas(width: 320, height: 180) { canvas in
///     canvas.setColor(Color(hex: 0x202830))
///     canvas.paint()
///     canvas.addCircle(center: CanvasPoint(160, 90), radius: 40)
///     canvas.setColor(.white)
///     canvas.fill()
///     return canvas.image()
/// }
/// ```
public final class Canvas {
    public let width: Int
    public let height: Int
    let surface: OpaquePointer
    let cairo: OpaquePointer

    /// The largest side cairo's image surfaces accept.
    public static let maxSide = 32767

    /// A transparent canvas of `width` × `height` pixels.
    public convenience init(width: Int, height: Int) throws {
        guard width > 0, height > 0, width <= Self.maxSide, height <= Self.maxSide else {
            throw ReelError(
                .invalidInput, "a canvas must be 1 to \(Self.maxSide) pixels on each side, not \(width)×\(height)")
        }
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)) else {
            throw ReelError(.internal, "cairo could not create a \(width)×\(height) surface")
        }
        try self.init(taking: surface, width: width, height: height)
    }

    /// A canvas drawing on `surface`, which it owns from now on (destroyed with the canvas, or
    /// here when drawing cannot start). Other surfaces than images (PDF pages) come in this way.
    init(taking surface: OpaquePointer, width: Int, height: Int) throws {
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let cairo = cairo_create(surface) else {
            let reason = String(cString: cairo_status_to_string(cairo_surface_status(surface)))
            cairo_surface_destroy(surface)
            throw ReelError(.internal, "cairo could not create a \(width)×\(height) surface: \(reason)")
        }
        guard cairo_status(cairo) == CAIRO_STATUS_SUCCESS else {
            let reason = String(cString: cairo_status_to_string(cairo_status(cairo)))
            cairo_destroy(cairo)
            cairo_surface_destroy(surface)
            throw ReelError(.internal, "cairo could not start drawing: \(reason)")
        }
        self.width = width
        self.height = height
        self.surface = surface
        self.cairo = cairo
    }

    deinit {
        cairo_destroy(cairo)
        cairo_surface_destroy(surface)
    }

    /// Runs `body` with a fresh transparent canvas that is released when `body` returns or throws.
    public static func withCanvas<T>(width: Int, height: Int, _ body: (Canvas) throws -> T) throws -> T {
        let canvas = try Canvas(width: width, height: height)
        return try withExtendedLifetime(canvas) { try body(canvas) }
    }

    /// The canvas bounds as a rectangle.
    public var bounds: CanvasRect { CanvasRect(x: 0, y: 0, width: Double(width), height: Double(height)) }

    // MARK: State and transforms

    /// Saves the drawing state (source, transform, clip, line style) and restores it after `body`.
    public func withState<T>(_ body: () throws -> T) rethrows -> T {
        cairo_save(cairo)
        defer { cairo_restore(cairo) }
        return try body()
    }

    public func translate(_ x: Double, _ y: Double) { cairo_translate(cairo, x, y) }
    public func scale(_ sx: Double, _ sy: Double) { cairo_scale(cairo, sx, sy) }
    /// Rotates the user space by `angle` radians, clockwise on screen.
    public func rotate(_ angle: Double) { cairo_rotate(cairo, angle) }

    // MARK: Source and style

    /// Paints with one flat colour from now on.
    public func setColor(_ color: Color) {
        cairo_set_source_rgba(cairo, color.red, color.green, color.blue, color.alpha)
    }

    public var lineWidth: Double {
        get { cairo_get_line_width(cairo) }
        set { cairo_set_line_width(cairo, newValue) }
    }

    public var lineCap: LineCap {
        get { LineCap(cairo_get_line_cap(cairo)) }
        set { cairo_set_line_cap(cairo, newValue.cairoValue) }
    }

    public var lineJoin: LineJoin {
        get { LineJoin(cairo_get_line_join(cairo)) }
        set { cairo_set_line_join(cairo, newValue.cairoValue) }
    }

    /// How new paint combines with what is already on the canvas.
    public var blendMode: BlendMode {
        get { BlendMode(cairo_get_operator(cairo)) }
        set { cairo_set_operator(cairo, newValue.cairoValue) }
    }

    /// Even-odd filling makes holes where subpaths overlap (rings, windows in a wall).
    public var evenOddFill: Bool {
        get { cairo_get_fill_rule(cairo) == CAIRO_FILL_RULE_EVEN_ODD }
        set { cairo_set_fill_rule(cairo, newValue ? CAIRO_FILL_RULE_EVEN_ODD : CAIRO_FILL_RULE_WINDING) }
    }

    // MARK: Painting

    /// Fills the current path; keeps it for another operation when `preserve` is true.
    public func fill(preserve: Bool = false) {
        if preserve { cairo_fill_preserve(cairo) } else { cairo_fill(cairo) }
    }

    /// Strokes the current path with the line style; keeps it when `preserve` is true.
    public func stroke(preserve: Bool = false) {
        if preserve { cairo_stroke_preserve(cairo) } else { cairo_stroke(cairo) }
    }

    /// Paints the source over the whole clip region, optionally faded.
    public func paint(alpha: Double = 1) {
        if alpha >= 1 { cairo_paint(cairo) } else { cairo_paint_with_alpha(cairo, max(0, alpha)) }
    }

    /// Restricts drawing to the current path (intersected with any earlier clip) and clears the path.
    public func clip() { cairo_clip(cairo) }

    /// Removes every clip.
    public func resetClip() { cairo_reset_clip(cairo) }

    /// Strokes the current path as a soft glow: wide faint strokes under narrower brighter ones,
    /// then a core line of `width`. The path is consumed.
    public func glowStroke(color: Color, width: Double, radius: Double, layers: Int = 6) {
        let layers = max(1, layers)
        cairo_save(cairo)
        cairo_set_line_cap(cairo, CAIRO_LINE_CAP_ROUND)
        cairo_set_line_join(cairo, CAIRO_LINE_JOIN_ROUND)
        for layer in stride(from: layers, through: 1, by: -1) {
            let t = Double(layer) / Double(layers)
            cairo_set_line_width(cairo, width + 2 * radius * t)
            let a = color.alpha * 0.55 * (1 - t) * (1 - t) / Double(layers) * 3 + color.alpha * 0.04
            cairo_set_source_rgba(cairo, color.red, color.green, color.blue, min(1, a))
            cairo_stroke_preserve(cairo)
        }
        cairo_set_line_width(cairo, width)
        cairo_set_source_rgba(cairo, color.red, color.green, color.blue, color.alpha)
        cairo_stroke(cairo)
        cairo_restore(cairo)
    }
}
