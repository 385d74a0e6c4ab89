import Foundation
import Testing

@testable import ReelMedia

@Suite struct AxisFilterTests {
    private func apply(_ filter: AxisFilter, to signal: [Double]) -> [Double] {
        (0..<filter.starts.count).map { i in
            (0..<filter.taps).reduce(0.0) { sum, k in
                sum + Double(filter.weights[i * filter.taps + k]) * signal[Int(filter.starts[i]) + k]
            }
        }
    }

    @Test func anAlignedWindowOfEqualSizeIsTheIdentity() {
        let filter = AxisFilter(sourceCount: 10, outputCount: 10, origin: 0, extent: 10)
        let signal = (0..<10).map { Double($0 * $0) }
        let output = apply(filter, to: signal)
        for i in 0..<10 { #expect(abs(output[i] - signal[i]) < 1e-4) }
    }

    @Test func aHalfPixelShiftUsesTheCatmullRomWeights() {
        let filter = AxisFilter(sourceCount: 10, outputCount: 9, origin: 0.5, extent: 9)
        let weights = Array(filter.weights[(4 * filter.taps)..<(5 * filter.taps)]).map(Double.init)
        #expect(weights.count == 4)
        for (weight, expected) in zip(weights, [-0.0625, 0.5625, 0.5625, -0.0625]) {
            #expect(abs(weight - expected) < 1e-6)
        }
    }

    @Test func weightsSumToOneAndWindowsStayInTheSource() {
        for (origin, extent, output) in [(0.0, 100.0, 37), (12.3, 40.7, 80), (0.0, 99.99, 25), (80.2, 19.8, 3)] {
            let filter = AxisFilter(sourceCount: 100, outputCount: output, origin: origin, extent: extent)
            for i in 0..<output {
                let sum = (0..<filter.taps).reduce(Float(0)) { $0 + filter.weights[i * filter.taps + $1] }
                #expect(abs(sum - 1) < 1e-5)
                #expect(filter.starts[i] >= 0 && Int(filter.starts[i]) + filter.taps <= 100)
            }
        }
    }

    /// Moving the window by a hair changes the output by a hair, also where taps enter and leave.
    @Test(arguments: [0.999_999, 1.5, 2.000_001, 3.25])
    func outputIsContinuousInTheOrigin(origin: Double) {
        var generator = SystemRandomNumberGenerator()
        let signal = (0..<64).map { _ in Double.random(in: 0...255, using: &generator) }
        for extent in [20.0, 40.0, 57.3] {
            let a = apply(AxisFilter(sourceCount: 64, outputCount: 30, origin: origin, extent: extent), to: signal)
            let b = apply(
                AxisFilter(sourceCount: 64, outputCount: 30, origin: origin + 2e-6, extent: extent), to: signal)
            let largest = zip(a, b).map { abs($0 - $1) }.max() ?? 0
            #expect(largest < 0.01, "extent \(extent): output jumped by \(largest)")
        }
    }

    @Test func downscalingPrefiltersDetailThatWouldAlias() {
        // A one-pixel checker has no representation at half size: it must become flat grey, not a beat pattern.
        let signal = (0..<200).map { $0 % 2 == 0 ? 0.0 : 255.0 }
        let filter = AxisFilter(sourceCount: 200, outputCount: 80, origin: 10.3, extent: 160)
        #expect(filter.taps >= 8)
        let output = apply(filter, to: signal)
        for value in output { #expect(abs(value - 127.5) < 6) }
    }
}
