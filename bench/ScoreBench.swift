import Foundation
import ReelFaces
import ReelMedia

/// `reel-bench score`: the identity scorer on real photographs (scripts/bootstrap caches them):
/// descriptors a second on one and on every core, the time to score a 4-candidate take
/// (1024×1024 candidates, references already described, as they are in a project's store) and
/// the peak memory. Scoring a take must take less than a second on 2 cores. With the `reel`
/// product built beside it, it also times `reel score` on the example film (made first, by
/// `reel make`): the picks cold, every latest take, then the picks again from the store.
struct ScoreBench {
    let rounds: Int
    let directory: URL

    static var photos: URL {
        let environment = ProcessInfo.processInfo.environment
        if let directory = environment["REEL_FACE_PHOTOS"], !directory.isEmpty {
            return URL(fileURLWithPath: directory)
        }
        let cache =
            environment["XDG_CACHE_HOME"].map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: NSHomeDirectory()).appendingPathComponent(".cache")
        return cache.appendingPathComponent("reel/face-photos")
    }

    func photo(_ name: String) throws -> RGBAImage {
        let url = Self.photos.appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw BenchError("\(url.path) is missing: run scripts/bootstrap")
        }
        return try RGBAImage(decoding: data)
    }

    /// A candidate the size backends make: the photo scaled into 1024×1024 on grey.
    func candidate(_ image: RGBAImage, side: Int = 1024) -> RGBAImage {
        let scale = Double(side) / Double(max(image.width, image.height))
        let scaled = image.resized(
            width: max(1, Int(Double(image.width) * scale)), height: max(1, Int(Double(image.height) * scale)))
        var canvas = RGBAImage(width: side, height: side, fill: (128, 128, 128, 255))
        canvas.paste(scaled, x: (side - scaled.width) / 2, y: (side - scaled.height) / 2)
        return canvas
    }

    func run() async throws {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let models = try FaceModels.locate()
        let start = DispatchTime.now().uptimeNanoseconds
        let describer = try FaceDescriber(models: models, instances: cores)
        let load = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let scorer = IdentityScorer()
        let obama = CharacterReference(
            character: "obama", descriptors: try describer.faces(in: photo("obama.jpg")).map(\.descriptor))
        let biden = CharacterReference(
            character: "biden", descriptors: try describer.faces(in: photo("biden.jpg")).map(\.descriptor))
        let take = try ["obama2.jpg", "obama3.jpg", "biden.jpg", "obama_partial_face.jpg"].map {
            try candidate(photo($0))
        }

        var sequential: [Double] = []
        var parallel: [Double] = []
        var perTake: [Double] = []
        for _ in 0..<rounds {
            sequential.append(try await seconds { for image in take { _ = try describer.faces(in: image) } })
            parallel.append(try await seconds { _ = try await describeAll(take, describer) })
            perTake.append(
                try await seconds {
                    let faces = try await describeAll(take, describer)
                    for found in faces { _ = scorer.score(faces: found, cast: [obama, biden], placement: nil) }
                })
        }
        let faces = try await describeAll(take, describer).reduce(0) { $0 + $1.count }
        let rows = [
            ["load models (\(cores) instances lazily, 1 now)", String(format: "%.2f s", load)],
            ["descriptors/s, one core", String(format: "%.1f", Double(faces) / median(sequential))],
            ["descriptors/s, \(cores) cores", String(format: "%.1f", Double(faces) / median(parallel))],
            ["score a 4-candidate take (1024², \(cores) cores)", String(format: "%.3f s", median(perTake))],
            ["peak RSS", String(format: "%.0f MB", EngineBench.peakResidentMegabytes())],
        ]
        print("\n## score — dlib HOG + 5-point landmarks + ResNet descriptor, median of \(rounds) rounds")
        for row in rows { print("| \(row[0]) | \(row[1]) |") }
        print(median(perTake) < 1 ? "take under 1 s: yes" : "take under 1 s: NO")
        try await scoreTheExampleFilm()
    }

    /// `reel score --film` on the example film, cold and then cached, as whole processes.
    func scoreTheExampleFilm() async throws {
        let reel = URL(filePath: CommandLine.arguments[0]).deletingLastPathComponent().appending(path: "reel")
        guard FileManager.default.isExecutableFile(atPath: reel.path) else {
            print("(the example film is not scored: build the reel product first, \(reel.path) is missing)")
            return
        }
        let project = directory.appending(path: "score-first-light")
        try? FileManager.default.removeItem(at: project)
        try shell(reel, ["init", project.path])
        try shell(reel, ["make", project.path])
        let film = try await seconds { try shell(reel, ["score", "--film", "--project", project.path]) }
        let takes = try await seconds { try shell(reel, ["score", "--project", project.path]) }
        let cached = try await seconds { try shell(reel, ["score", "--film", "--project", project.path]) }
        printTable(
            "reel score on Examples/first-light (9 shots, sheets as references), whole processes",
            rows: [
                Row(label: "--film, cold (each pick and reference described)", seconds: film),
                Row(label: "every shot's latest take (4 candidates; picks cached)", seconds: takes),
                Row(label: "--film again, from the store", seconds: cached),
            ],
            reference: "--film, cold (each pick and reference described)")
    }

    /// Every image described at once, the describer's instances sharing the work.
    func describeAll(_ images: [RGBAImage], _ describer: FaceDescriber) async throws -> [[DetectedFace]] {
        try await withThrowingTaskGroup(of: (Int, [DetectedFace]).self) { group in
            for (index, image) in images.enumerated() {
                group.addTask { (index, try describer.faces(in: image)) }
            }
            var found = Array(repeating: [DetectedFace](), count: images.count)
            for try await (index, faces) in group { found[index] = faces }
            return found
        }
    }
}
