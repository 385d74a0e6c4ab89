/// A face as dlib's ResNet describes it: 128 numbers where two photographs of one person lie
/// closer than 0.6 (Euclidean) and two people usually lie farther apart.
public struct FaceDescriptor: Sendable, Hashable, Codable {
    public let values: [Float]

    /// Wraps 128 values.
    public init(_ values: [Float]) {
        precondition(values.count == 128, "a face descriptor has 128 values")
        self.values = values
    }

    /// The Euclidean distance to `other`: under ``IdentityScorer/defaultThreshold`` is one person.
    public func distance(to other: FaceDescriptor) -> Double {
        var sum: Double = 0
        for index in 0..<128 {
            let difference = Double(values[index]) - Double(other.values[index])
            sum += difference * difference
        }
        return sum.squareRoot()
    }
}

/// A face's box in the image it was found in, in pixels (right and bottom inclusive, as dlib gives
/// them; a box may reach past the edge when the face does).
public struct FaceBox: Sendable, Hashable, Codable {
    public let left: Int
    public let top: Int
    public let right: Int
    public let bottom: Int

    public init(left: Int, top: Int, right: Int, bottom: Int) {
        self.left = left
        self.top = top
        self.right = right
        self.bottom = bottom
    }

    /// The box's horizontal centre, which orders faces left to right.
    public var centerX: Double { Double(left + right) / 2 }
    public var width: Int { right - left + 1 }
    public var height: Int { bottom - top + 1 }
}

/// One face found in an image: where, and its descriptor.
public struct DetectedFace: Sendable, Hashable, Codable {
    public let box: FaceBox
    public let descriptor: FaceDescriptor

    public init(box: FaceBox, descriptor: FaceDescriptor) {
        self.box = box
        self.descriptor = descriptor
    }
}
