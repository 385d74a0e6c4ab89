/// Renders the frames of one camera move over one still as yuv420p pictures, without ffmpeg.
///
/// The still is converted to float Y′CbCr planes once; each frame then computes its four axis
/// filters from the exact fractional ``CropRect`` and resamples. Rendering is a continuous function
/// of the crop, so there is no frame-to-frame jitter.
struct CameraFrameRenderer: Sendable {
    let planes: YCbCrPlanes
    let path: CameraPath
    let size: VideoSize
    let frameCount: Int
    /// The still the move dissolves into at its end, if any.
    let ending: CameraEnding?

    init(still: RGBAImage, path: CameraPath, size: VideoSize, frameCount: Int, ending: CameraEnding? = nil) {
        precondition(size.isEncodable, "output size must be even and positive")
        planes = YCbCrPlanes(still)
        self.path = path
        self.size = size
        self.frameCount = frameCount
        self.ending = ending
    }

    /// Output frame `index` of ``frameCount``.
    func frame(_ index: Int) -> YUVFrame {
        let frame = render(path.crop(frame: index, of: frameCount))
        return ending?.blend(frame, at: index) ?? frame
    }

    /// The still seen through `crop`, at the output size.
    func render(_ crop: CropRect) -> YUVFrame {
        let width = size.width
        let height = size.height
        let lumaColumns = AxisFilter(
            sourceCount: planes.luma.width, outputCount: width, origin: crop.x, extent: crop.width)
        let lumaRows = AxisFilter(
            sourceCount: planes.luma.height, outputCount: height, origin: crop.y, extent: crop.height)
        // A chroma sample covers 2×2 luma samples in both source and output, so the same window
        // in half-size coordinates keeps chroma registered with luma.
        let chromaColumns = AxisFilter(
            sourceCount: planes.cb.width, outputCount: width / 2, origin: crop.x / 2, extent: crop.width / 2)
        let chromaRows = AxisFilter(
            sourceCount: planes.cb.height, outputCount: height / 2, origin: crop.y / 2, extent: crop.height / 2)
        let lumaCount = width * height
        let chromaCount = lumaCount / 4
        let bytes = [UInt8](unsafeUninitializedCapacity: lumaCount + 2 * chromaCount) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            planes.luma.resample(columns: lumaColumns, rows: lumaRows, rowRange: 0..<height, into: base)
            planes.cb.resample(
                columns: chromaColumns, rows: chromaRows, rowRange: 0..<(height / 2), into: base + lumaCount)
            planes.cr.resample(
                columns: chromaColumns, rows: chromaRows, rowRange: 0..<(height / 2),
                into: base + lumaCount + chromaCount)
            initialized = lumaCount + 2 * chromaCount
        }
        return YUVFrame(width: width, height: height, bytes: bytes)
    }
}
