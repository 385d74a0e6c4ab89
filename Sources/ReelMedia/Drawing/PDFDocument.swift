import CCairo
import Foundation
import ReelKit

/// A PDF drawn with cairo, page by page, into memory: paths stay vectors, text stays text
/// (selectable and searchable, its fonts embedded as subsets), pictures keep their own
/// resolution. Draw each page on `canvas` (points, origin top left), end it with `endPage()`,
/// then take the file's bytes from `finish()`.
///
/// ```swift
/// let document = try PDFDocument(width: PaperSize.a4.width, height: PaperSize.a4.height)
/// document.canvas.drawText("Harbour", at: CanvasPoint(36, 48))
/// document.endPage()
/// try document.finish().write(to: url, options: .atomic)
/// ```
public final class PDFDocument {
    /// What each page is drawn on; its size is the page size rounded up to whole points.
    public let canvas: Canvas
    /// Page width and height in points.
    public let width: Double
    public let height: Double
    private let sink: Sink
    private var finished = false

    /// Where cairo's output goes while the document is written.
    private final class Sink {
        var data = Data()
    }

    /// A document whose pages are `width` × `height` points.
    public init(width: Double, height: Double) throws {
        guard width >= 1, height >= 1, width <= 14400, height <= 14400 else {
            throw ReelError(.invalidInput, "a PDF page must be 1 to 14400 points on each side, not \(width)×\(height)")
        }
        let sink = Sink()
        let write: cairo_write_func_t = { closure, bytes, length in
            guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<Sink>.fromOpaque(closure).takeUnretainedValue().data.append(bytes, count: Int(length))
            return CAIRO_STATUS_SUCCESS
        }
        // The sink outlives the surface: the document holds both and finishes the surface first.
        guard
            let surface = cairo_pdf_surface_create_for_stream(
                write, Unmanaged.passUnretained(sink).toOpaque(), width, height)
        else { throw ReelError(.internal, "cairo could not create a PDF surface") }
        self.canvas = try Canvas(
            taking: surface, width: Int(width.rounded(.up)), height: Int(height.rounded(.up)))
        self.width = width
        self.height = height
        self.sink = sink
    }

    deinit {
        if !finished { cairo_surface_finish(canvas.surface) }
    }

    /// Names the document in its Info dictionary, which viewers show as its title.
    public func setMetadata(title: String, author: String? = nil, created: Date) {
        cairo_pdf_surface_set_metadata(canvas.surface, CAIRO_PDF_METADATA_TITLE, title)
        if let author { cairo_pdf_surface_set_metadata(canvas.surface, CAIRO_PDF_METADATA_AUTHOR, author) }
        cairo_pdf_surface_set_metadata(canvas.surface, CAIRO_PDF_METADATA_CREATOR, "Reel")
        cairo_pdf_surface_set_metadata(canvas.surface, CAIRO_PDF_METADATA_CREATE_DATE, created.formatted(.iso8601))
    }

    /// Closes the current page; drawing after this goes on a new one.
    public func endPage() {
        cairo_show_page(canvas.cairo)
    }

    /// Writes the document's end and returns the whole file. Call once, after the last `endPage()`.
    public func finish() throws -> Data {
        guard !finished else { return sink.data }
        finished = true
        cairo_surface_finish(canvas.surface)
        let status = cairo_surface_status(canvas.surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw ReelError(
                .internal, "cairo could not write the PDF: \(String(cString: cairo_status_to_string(status)))")
        }
        return withExtendedLifetime(sink) { sink.data }
    }
}
