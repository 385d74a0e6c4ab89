import Foundation
import ReelKit
import ReelMedia
import Testing

@testable import ReelSketch

@Suite struct SketchBackendTests {
    /// A stand-in codec until the PNG one is wired in: width, height, then the raw bytes.
    static let encode: SketchBackend.Encode = { image in
        var data = Data()
        withUnsafeBytes(of: UInt32(image.width).littleEndian) { data.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt32(image.height).littleEndian) { data.append(contentsOf: $0) }
        data.append(contentsOf: image.pixels)
        return data
    }

    struct Unreadable: Error {}

    static let decode: SketchBackend.Decode = { data in
        guard data.count >= 8 else { throw Unreadable() }
        let width = Int(data[0]) | Int(data[1]) << 8 | Int(data[2]) << 16 | Int(data[3]) << 24
        let height = Int(data[4]) | Int(data[5]) << 8 | Int(data[6]) << 16 | Int(data[7]) << 24
        guard width > 0, height > 0, data.count == 8 + width * height * 4 else { throw Unreadable() }
        return RGBAImage(width: width, height: height, pixels: [UInt8](data.dropFirst(8)))
    }

    static func context(blobs: [String: Data] = [:]) -> GenerationContext {
        GenerationContext(
            readBlob: { hash in
                guard let data = blobs[hash] else { throw ReelError(.notFound, "no blob \(hash)") }
                return data
            }, scratchDirectory: FileManager.default.temporaryDirectory)
    }

    let backend = SketchBackend(encode: encode, decode: decode)

    @Test func itDrawsOneEncodedFramePerCandidateWithConsecutiveSeeds() async throws {
        let request = Request(prompt: "a lighthouse by the sea at dusk", width: 256, height: 128, seed: 40, count: 3)
        let images = try await backend.generate(request, context: Self.context())
        #expect(images.map(\.seed) == [40, 41, 42])
        #expect(images.allSatisfy { $0.costUSD == 0 })
        for (index, image) in images.enumerated() {
            let expected = try SketchRenderer().render(request, initImage: nil, candidate: index)
            #expect(try Self.decode(image.bytes()) == expected)
        }
        #expect(Set(try images.map { try $0.bytes() }).count == 3)
    }

    @Test func anInitImageIsReadThroughTheContextAndRepainted() async throws {
        let parent = try SketchRenderer().render(
            Request(prompt: "a woman in a desert", width: 256, height: 128), initImage: nil, seed: 1)
        var request = Request(prompt: "a woman in a desert", width: 256, height: 128, seed: 8, count: 1)
        request.initImage = .blob("abc")
        request.strength = 0.25
        let images = try await backend.generate(request, context: Self.context(blobs: ["abc": try Self.encode(parent)]))
        let frame = try Self.decode(try #require(images.first).bytes())
        #expect(frame == (try SketchRenderer().render(request, initImage: parent, seed: 8)))
        #expect(frame != (try SketchRenderer().render(request, initImage: nil, seed: 8)))
    }

    @Test func anUnreadableInitImageIsReportedAsTheUsersInput() async throws {
        var request = Request(prompt: "a woman", width: 64, height: 64, count: 1)
        request.initImage = .blob("junk")
        await #expect {
            try await backend.generate(request, context: Self.context(blobs: ["junk": Data([1, 2, 3])]))
        } throws: { error in
            guard let error = error as? ReelError else { return false }
            return error.code == .invalidInput && error.message.contains("init image")
        }
    }

    @Test func itSaysWhatItHonours() {
        #expect(backend.name == "sketch")
        #expect(backend.capabilities.initImage && backend.capabilities.seed && backend.capabilities.negativePrompt)
        // One reference a person, up to four people: a sheet's look (see SketchLookTests).
        #expect(backend.capabilities.characterReferenceLimit == 4)
    }
}
