extension RGBAImage {
    /// Whether every pixel's alpha is 255.
    public var isOpaque: Bool {
        pixels.withUnsafeBufferPointer { buffer in
            var index = 3
            while index < buffer.count {
                if buffer[index] != 255 { return false }
                index += 4
            }
            return true
        }
    }

    /// The pixels as RGB, alpha dropped: 3 bytes a pixel, row after row.
    public func rgbBytes() -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: width * height * 3) { rgb, count in
            pixels.withUnsafeBufferPointer { rgba in
                var source = 0
                var target = 0
                while source < rgba.count {
                    rgb[target] = rgba[source]
                    rgb[target + 1] = rgba[source + 1]
                    rgb[target + 2] = rgba[source + 2]
                    source += 4
                    target += 3
                }
            }
            count = width * height * 3
        }
    }
}
