import Foundation
import ReelKit
import ReelMedia

/// A two-person shot for the hosted backends' tests: kit stands left with two references, oda
/// right with one, each reference a distinct solid colour so the bytes that arrive say whose it is.
enum PlacedShot {
    static let kit1 = String(repeating: "a1", count: 32)
    static let kit2 = String(repeating: "a2", count: 32)
    static let oda1 = String(repeating: "b1", count: 32)

    static func png(_ red: UInt8) throws -> Data {
        try RGBAImage(width: 8, height: 8, fill: (red, 20, 20, 255)).encoded(as: .png)
    }

    static func blobs() throws -> [String: Data] {
        [kit1: try png(10), kit2: try png(20), oda1: try png(30)]
    }

    /// The bytes of the named references, in order.
    static func images(_ hashes: [String]) throws -> [Data] {
        let all = try blobs()
        return hashes.compactMap { all[$0] }
    }

    static func request(width: Int = 1024, height: Int = 1024) -> Request {
        let kit = [WeightedImage(.blob(kit1)), WeightedImage(.blob(kit2))]
        let oda = [WeightedImage(.blob(oda1))]
        return Request(
            prompt: "two people turn the crank", width: width, height: height, seed: 4, count: 1,
            characterReferences: kit + oda,
            people: [
                PlacedPerson(
                    character: "kit", description: "a girl in red", region: .column(0, of: 2), references: kit),
                PlacedPerson(
                    character: "oda", description: "a keeper in yellow", region: .column(1, of: 2), references: oda),
            ])
    }

    /// A one-person request with a reference of its own.
    static func single() -> Request {
        Request(
            prompt: "a keeper at the lamp", width: 1024, height: 1024, seed: 4, count: 1,
            characterReferences: [WeightedImage(.blob(oda1))],
            people: [
                PlacedPerson(
                    character: "oda", description: "a keeper in yellow", region: .column(0, of: 1),
                    references: [WeightedImage(.blob(oda1))])
            ])
    }
}
