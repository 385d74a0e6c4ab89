import ReelKit
import ReelMedia

/// Where things go in a frame: the horizon, how large the background subjects are, and where
/// the person stands, chosen from the framing and placed by the seed. The framing decides the
/// scale (a tiny figure in a big landscape … a face filling the frame … eyes only) and the
/// set-up (two people, a shoulder in the foreground, nobody for a point of view or an insert);
/// the camera angle then moves the horizon and the figure (`SketchLayout+Angle.swift`).
struct SketchLayout: Sendable {
    /// A standing person, in canvas pixels: feet at `feetY`, `height` from soles to crown.
    struct Figure: Sendable {
        var x: Double
        var feetY: Double
        var height: Double
        /// -1…1: how far the figure leans or turns its weight, for life.
        var pose: Double
        /// Which of the scene's cast this is (0 for the first, or for a prompt that names nobody).
        var person = 0
    }

    /// A foreground rock the figure may stand on.
    struct Cliff: Sendable {
        var fromLeft: Bool
        /// Where the top ends in the drop.
        var edgeX: Double
        var topY: Double
    }

    /// The blurred head and shoulder of someone in the foreground, cut by the frame's edge.
    struct Shoulder: Sendable {
        var fromLeft: Bool
        /// Height of the silhouette from the frame's bottom, in canvas pixels.
        var height: Double
    }

    var width: Double
    var height: Double
    var horizon: Double
    /// Scale of the background subjects (city, ship, mountains); grows as the camera closes in.
    var zoom: Double
    /// 0 sharp … 1 lost in haze: how far the background recedes behind a close subject.
    var softness: Double
    /// The x of the sun, moon or main glow.
    var lightX: Double
    var figure: Figure?
    /// The rest of the cast beside `figure` (the second person of a two shot, a group).
    var others: [Figure] = []
    /// Everyone standing in the frame, `figure` first.
    var figures: [Figure] { (figure.map { [$0] } ?? []) + others }
    /// Over the shoulder: who the camera looks past.
    var shoulder: Shoulder?
    var cliff: Cliff?
    /// How far the corners darken (0…1); a point of view darkens them more, as an eye does.
    var vignette = 0.4
    /// The camera's roll in radians (a dutch angle); 0 keeps the horizon level.
    var roll = 0.0
    /// Only for an extreme close-up of a person: the frame is the eyes.
    var eyesOnly: Bool
    /// The city is seen from above: its roofs lie below the horizon.
    var cityBelow: Bool

    /// Lays out a frame; `keyLeft` says on which side the light is (the sun goes there).
    init(scene: SketchScene, width: Double, height: Double, keyLeft: Bool, rng: inout SketchRandom) {
        self.width = width
        self.height = height
        let framing = scene.framing
        // Nobody stands in a point of view (the viewer is behind the camera) or in an insert.
        let person = scene.hasPerson && framing != .pointOfView && framing != .insert
        eyesOnly = person && framing == .extremeCloseUp
        let stage = Self.stage(framing)
        cityBelow = scene.has(.city) && (scene.has(.cliff) || scene.overlooks) && stage <= 3
        zoom = [0.72, 1.0, 1.2, 1.35, 1.5, 1.75, 2.1, 2.6][stage] * rng.range(0.92, 1.08)
        softness = person || framing == .insert ? [0, 0, 0.05, 0.12, 0.2, 0.3, 0.38, 0.5][stage] : 0
        horizon = height * ([0.6, 0.56, 0.6, 0.62, 0.64, 0.66, 0.68, 0.7][stage] + rng.range(-0.04, 0.04))
        if framing == .pointOfView { vignette = 0.8 }

        let side: Double = rng.chance(0.5) ? -1 : 1
        lightX = width * (keyLeft ? rng.range(0.12, 0.42) : rng.range(0.58, 0.88))

        guard person, !eyesOnly else {
            if scene.has(.cliff) {
                let fromLeft = side < 0
                let edge = width * rng.range(0.22, 0.4)
                cliff = Cliff(
                    fromLeft: fromLeft, edgeX: fromLeft ? edge : width - edge, topY: height * rng.range(0.68, 0.8))
            }
            tilt(to: scene.angle, keyLeft: keyLeft)
            return
        }

        var (x, figureHeight, feetY) = Self.placeFigure(
            framing, stage: stage, side: side, width: width, height: height, rng: &rng)
        let group = min(scene.cast.count, SketchCast.maxPeople)
        switch framing {
        case _ where group >= 2 && stage <= 4 && framing != .overTheShoulder:
            // The cast side by side, in the order written unless the words place them (over the
            // shoulder keeps its set-up: the second person is the shoulder).
            let slots = Self.slots(scene.cast.prefix(group).map(\.side), firstSide: side)
            let step = group == 2 ? 0.4 : 0.8 / Double(group)
            func slotX(_ slot: Int) -> Double { width * (0.5 + (Double(slot) - Double(group - 1) / 2) * step) }
            // A placed person stands at the centre of their column.
            func personX(_ index: Int) -> Double { scene.cast[index].column.map { width * $0 } ?? slotX(slots[index]) }
            x = personX(0)
            var poses = rng.fork("group")
            others = (1..<group).map { index in
                Figure(
                    x: personX(index), feetY: feetY, height: figureHeight * scene.cast[index].stature,
                    pose: poses.signed(), person: index)
            }
        case .twoShot:
            // Two people a little apart, facing the middle; the first on the seed's side.
            x = width * (0.5 + side * 0.2)
            others = [
                Figure(x: width * (0.5 - side * 0.2), feetY: feetY, height: figureHeight, pose: -side * 0.5, person: 1)
            ]
        case .overTheShoulder:
            // The subject off-centre, the shoulder filling the other side in the foreground.
            x = width * (0.5 + side * 0.2)
            shoulder = Shoulder(fromLeft: side > 0, height: height * 0.72)
        default:
            break
        }
        var feet = feetY
        if scene.has(.cliff) {
            let fromLeft = side < 0
            let top = stage <= 1 ? height * rng.range(0.7, 0.8) : feetY
            let reach = stage <= 1 ? width * rng.range(0.05, 0.12) : width * rng.range(0.2, 0.3)
            cliff = Cliff(fromLeft: fromLeft, edgeX: fromLeft ? x + reach : x - reach, topY: top)
            feet = top + height * 0.01
        }
        figure = Figure(x: x, feetY: feet, height: figureHeight * (scene.cast.first?.stature ?? 1), pose: rng.signed())
        for index in others.indices { others[index].feetY = feet }
        tilt(to: scene.angle, keyLeft: keyLeft)
    }

    /// The slot (0 leftmost) of each person: those the words put on the left first, on the right
    /// last, the rest in the order written, the first on the seed's side when nobody is placed.
    static func slots(_ sides: [SketchPerson.Side?], firstSide: Double) -> [Int] {
        func rank(_ side: SketchPerson.Side?) -> Int { side == .left ? 0 : side == .right ? 2 : 1 }
        var order = Array(sides.indices).sorted { (rank(sides[$0]), $0) < (rank(sides[$1]), $1) }
        if sides.allSatisfy({ $0 == nil }) && firstSide > 0 { order.reverse() }
        var slots = [Int](repeating: 0, count: sides.count)
        for (slot, person) in order.enumerated() { slots[person] = slot }
        return slots
    }

    /// 0 (extreme long shot) … 7 (extreme close-up): how close the camera is. The set-ups of a
    /// shot list borrow the distance they are usually shot at.
    static func stage(_ framing: Framing) -> Int {
        switch framing {
        case .extremeLongShot: 0
        case .longShot: 1
        case .fullShot: 2
        case .mediumLongShot, .twoShot, .pointOfView: 3
        case .mediumShot, .overTheShoulder: 4
        case .mediumCloseUp: 5
        case .closeUp: 6
        case .extremeCloseUp, .insert: 7
        }
    }

    /// Height of a standing figure per framing (soles to crown, in frame heights); a close-up
    /// goes beyond `Framing.subjectScale` so the face, not the head and shoulders, fills the frame.
    private static func placeFigure(
        _ framing: Framing, stage: Int, side: Double, width: Double, height: Double, rng: inout SketchRandom
    ) -> (x: Double, height: Double, feetY: Double) {
        let scale = framing == .closeUp ? 5.4 : framing.subjectScale
        let figureHeight = height * scale * rng.range(0.96, 1.04)
        let spread = [0.2, 0.19, 0.17, 0.15, 0.13, 0.1, 0.07, 0.05][stage]
        let x = width * (0.5 + side * rng.range(spread * 0.6, spread * 1.2))
        let crown: Double
        switch stage {
        case 0: return (x, figureHeight, height * rng.range(0.84, 0.9))
        case 1: return (x, figureHeight, height * rng.range(0.88, 0.93))
        case 2: crown = rng.range(0.1, 0.15)
        case 6: crown = rng.range(0.03, 0.07)
        default: crown = rng.range(0.07, 0.12)
        }
        return (x, figureHeight, height * crown + figureHeight)
    }
}
