import ReelMedia

/// The last touches that make a frame look drawn on paper: a vignette and a paper grain,
/// applied in one pass over the pixels.
enum SketchFinish {
    /// Darkens the corners towards `ink` by up to `vignette` and adds a seeded paper grain of
    /// about ±`amplitude` levels: noise smooth over a few pixels (fibres, not static), the same on
    /// every channel so it stays grey.
    static func finish(
        _ image: inout RGBAImage, seed: UInt32, amplitude: Int = 6, vignette: Double = 0, ink: Color = .black
    ) {
        let width = image.width
        let height = image.height
        // Fibres about three pixels long in a 576-line frame, shorter in thumbnails.
        let cell = max(1, min(4, Int((Double(height) / 192).rounded())))
        let columns = width / cell + 2
        let rows = height / cell + 2
        var state = UInt32(truncatingIfNeeded: SketchRandom.hash("grain \(seed)")) | 1
        let span = UInt32(2 * max(0, amplitude) + 1)
        var lattice = [Float](repeating: 0, count: columns * rows)
        if amplitude > 0 {
            for i in lattice.indices {
                state ^= state << 13
                state ^= state >> 17
                state ^= state << 5
                lattice[i] = Float(Int(state % span) - amplitude)
            }
        }
        // Per column: which lattice cell and how far into it, and the squared distance from the
        // centre; the vignette is looked up by squared distance.
        let cx = Double(width) / 2
        let cy = Double(height) / 2
        let reach2 = cx * cx + cy * cy
        let cellOf = (0..<width).map { Int32($0 / cell) }
        let fractionOf = (0..<width).map { Float($0 % cell) / Float(cell) }
        let xTerm = (0..<width).map { x -> Float in
            let dx = Double(x) + 0.5 - cx
            return Float(dx * dx / reach2)
        }
        let steps = 1024
        let shadeTable = (0...steps).map { k -> Float in
            let r = (Double(k) / Double(steps)).squareRoot()
            let t = min(1, max(0, (r - 0.45) / 0.55))
            return Float(vignette * t * t * (3 - 2 * t))
        }
        let inkR = Float(ink.red * 255)
        let inkG = Float(ink.green * 255)
        let inkB = Float(ink.blue * 255)
        var row = [Float](repeating: 0, count: columns)
        lattice.withUnsafeBufferPointer { grid in
            cellOf.withUnsafeBufferPointer { cellOf in
                fractionOf.withUnsafeBufferPointer { fractionOf in
                    xTerm.withUnsafeBufferPointer { xTerm in
                        shadeTable.withUnsafeBufferPointer { shadeTable in
                            row.withUnsafeMutableBufferPointer { row in
                                image.pixels.withUnsafeMutableBufferPointer { pixels in
                                    for y in 0..<height {
                                        let gy = y / cell
                                        let ty = Float(y % cell) / Float(cell)
                                        for gx in 0..<columns {
                                            let a = grid[gy * columns + gx]
                                            row[gx] = a + (grid[(gy + 1) * columns + gx] - a) * ty
                                        }
                                        let dy = Double(y) + 0.5 - cy
                                        let yTerm = Float(dy * dy / reach2)
                                        var i = y * width * 4
                                        for x in 0..<width {
                                            let gx = Int(cellOf[x])
                                            let noise = row[gx] + (row[gx + 1] - row[gx]) * fractionOf[x]
                                            let shade = shadeTable[min(steps, Int((xTerm[x] + yTerm) * Float(steps)))]
                                            let r = Float(pixels[i])
                                            let g = Float(pixels[i + 1])
                                            let b = Float(pixels[i + 2])
                                            pixels[i] = UInt8(min(255, max(0, r + (inkR - r) * shade + noise + 0.5)))
                                            pixels[i + 1] = UInt8(
                                                min(255, max(0, g + (inkG - g) * shade + noise + 0.5)))
                                            pixels[i + 2] = UInt8(
                                                min(255, max(0, b + (inkB - b) * shade + noise + 0.5)))
                                            i += 4
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
