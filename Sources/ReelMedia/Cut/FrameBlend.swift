/// Transition arithmetic on raw yuv420p frames (limited range), done in place of the encoder's input.
///
/// Y′CbCr is a linear transform of R′G′B′, so blending here equals blending the pictures; black is
/// Y′ = 16, Cb = Cr = 128.
enum FrameBlend {
    /// `first` dissolving into `second`: `weight` 0 shows `first`, 1 shows `second`.
    static func crossfade(_ first: [UInt8], _ second: [UInt8], weight: Double) -> [UInt8] {
        precondition(first.count == second.count, "frames differ in size")
        let w = Int32((min(max(weight, 0), 1) * 256).rounded())
        return [UInt8](unsafeUninitializedCapacity: first.count) { output, initialized in
            first.withUnsafeBufferPointer { a in
                second.withUnsafeBufferPointer { b in
                    for i in 0..<a.count {
                        let mixed = (Int32(a[i]) * (256 - w) + Int32(b[i]) * w + 128) >> 8
                        output[i] = UInt8(truncatingIfNeeded: mixed)
                    }
                }
            }
            initialized = first.count
        }
    }

    /// Scales `frame` toward black: `brightness` 1 leaves it, 0 makes it black.
    static func fade(_ frame: inout [UInt8], lumaCount: Int, brightness: Double) {
        let b = Int32((min(max(brightness, 0), 1) * 256).rounded())
        frame.withUnsafeMutableBufferPointer { pixels in
            for i in 0..<pixels.count {
                // Luma fades toward 16, chroma toward 128.
                let black: Int32 = i < lumaCount ? 16 : 128
                pixels[i] = UInt8(truncatingIfNeeded: black + (((Int32(pixels[i]) - black) * b + 128) >> 8))
            }
        }
    }

    /// Brightness of the frame `distance` frames from the black point (0 = nearest) of a fade whose
    /// one side lasts `frames` frames: (2d + 1) / 2n, so the dip is symmetric and never quite black twice.
    static func fadeBrightness(distance: Int, frames: Int) -> Double {
        Double(2 * distance + 1) / Double(2 * frames)
    }

    /// Weight of the second shot on overlap frame `index` of a crossfade of `frames` frames.
    static func crossfadeWeight(index: Int, frames: Int) -> Double {
        (Double(index) + 0.5) / Double(frames)
    }
}
