import Foundation
import ReelMedia

/// The shapes a figure is built of, in figure units.
extension SketchFigure {
    /// The outline of a tapering limb through its joints.
    static func limb(_ joints: [CanvasPoint], widths: [Double]) -> [CanvasPoint] {
        var left: [CanvasPoint] = []
        var right: [CanvasPoint] = []
        for (i, joint) in joints.enumerated() {
            let previous = joints[max(0, i - 1)]
            let next = joints[min(joints.count - 1, i + 1)]
            let dx = next.x - previous.x
            let dy = next.y - previous.y
            let length = max(1e-9, (dx * dx + dy * dy).squareRoot())
            let half = widths[min(i, widths.count - 1)] / 2
            left.append(CanvasPoint(joint.x - dy / length * half, joint.y + dx / length * half))
            right.append(CanvasPoint(joint.x + dy / length * half, joint.y - dx / length * half))
        }
        guard let last = joints.last, joints.count > 1 else { return left + right.reversed() }
        let endDir = CanvasPoint(last.x - joints[joints.count - 2].x, last.y - joints[joints.count - 2].y)
        let endLength = max(1e-9, (endDir.x * endDir.x + endDir.y * endDir.y).squareRoot())
        let tip = CanvasPoint(
            last.x + endDir.x / endLength * widths[widths.count - 1] * 0.4,
            last.y + endDir.y / endLength * widths[widths.count - 1] * 0.4)
        return left + [tip] + right.reversed()
    }

    static func ellipse(_ center: CanvasPoint, _ rx: Double, _ ry: Double) -> [CanvasPoint] {
        (0..<10).map { i in
            let a = 2 * Double.pi * Double(i) / 10
            return CanvasPoint(center.x + cos(a) * rx, center.y + sin(a) * ry)
        }
    }
}
