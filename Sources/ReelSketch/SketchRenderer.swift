import Foundation
import ReelKit
import ReelMedia

/// Draws the `sketch` backend's frames: a storyboard sketch of what the prompt names, in the
/// palette its words call for, at the framing of the shot, laid out by the seed. Pure: the same
/// request, init image and seed always give the same pixels.
///
/// A variation or a shot `from:` another sketch is redrawn from its parent's recipe
/// (`SketchRenderer+Recipe.swift`): the same scene moved by the strength (a subtle one 0.25, a
/// strong one 0.6), or changed by the new prompt. Any other init image is repainted (see
/// `SketchRepaint`): strength 0 keeps it, 1 draws afresh.
///
/// ```swift
/// let frame = try SketchRenderer().render(request, initImage: nil, seed: 7)
/// ```
public struct SketchRenderer: Sendable {
    /// The largest side the renderer draws.
    public static let maxSide = 8192

    public init() {}

    /// The frame for candidate `index` of `request` (its seed is `request.seed(ofCandidate:)`).
    public func render(_ request: Request, initImage: RGBAImage?, candidate index: Int) throws -> RGBAImage {
        try render(request, initImage: initImage, seed: request.seed(ofCandidate: index))
    }

    /// The frame for `request` drawn with `seed`, at `request.width` × `request.height`, each
    /// person of the cast in the look at their index in `looks` (see `SketchLook`).
    public func render(
        _ request: Request, initImage: RGBAImage?, seed: UInt32, looks: [UInt32?] = []
    ) throws
        -> RGBAImage
    {
        try Self.checkSize(request)
        let scene = SketchScene(request: request).wearing(looks)
        let fresh = try draw(scene, width: request.width, height: request.height, seed: seed, salt: request.prompt)
        guard let initImage else { return fresh }
        let layers = SketchRepaint.Layers(
            base: try Self.fit(initImage, width: request.width, height: request.height), fresh: fresh,
            overlay: Self.hasOverlay(scene)
                ? try overlay(scene, width: request.width, height: request.height, seed: seed, salt: request.prompt)
                : nil)
        return SketchRepaint.repaint(
            layers, strength: request.strength ?? 0.5, emphasis: scene.lightEmphasis, seed: seed)
    }

    static func checkSize(_ request: Request) throws {
        guard (1...Self.maxSide).contains(request.width), (1...Self.maxSide).contains(request.height) else {
            let size = "\(request.width)×\(request.height)"
            throw ReelError(
                .invalidInput, "the sketch backend draws frames of 1 to \(Self.maxSide) pixels a side, not \(size)")
        }
    }

    static func hasOverlay(_ scene: SketchScene) -> Bool {
        scene.has(.fire) || scene.has(.ship) || !scene.weather.isEmpty || scene.mood == .underwater
            || scene.mood == .storm
            || scene.mood == .fog
    }

    /// The prompt's elements that can float over any picture — flames and smoke rising from the
    /// bottom, a ship in the sky, the weather — on a transparent canvas, for repainting.
    func overlay(_ scene: SketchScene, width: Int, height: Int, seed: UInt32, salt: String) throws -> RGBAImage {
        let canvas = try Canvas(width: width, height: height)
        let root = SketchRandom(seed: seed, salt: "overlay " + salt)
        let frame = Self.frame(canvas: canvas, scene: scene, root: root)
        let rng = root.fork("scene")
        var part = rng.fork("fire")
        if scene.has(.fire) { SketchFire.draw(frame, skyline: [], low: true, &part) }
        part = rng.fork("ship")
        if scene.has(.ship) && !frame.layout.eyesOnly { SketchShip.draw(frame, &part) }
        part = rng.fork("weather")
        SketchWeather.draw(frame, &part)
        return canvas.image()
    }

    /// Draws `scene`, laid out by `seed` and moved by `nudges`; the small things come from
    /// `detailSeed` (by default `seed`).
    func draw(
        _ scene: SketchScene, width: Int, height: Int, seed: UInt32, salt: String, nudges: [SketchNudge] = [],
        detailSeed: UInt32? = nil
    ) throws -> RGBAImage {
        let canvas = try Canvas(width: width, height: height)
        let root = SketchRandom(seed: seed, salt: "sketch " + salt)
        let frame = Self.frame(canvas: canvas, scene: scene, root: root, nudges: nudges)
        let details = detailSeed.map { SketchRandom(seed: $0, salt: "sketch " + salt) } ?? root
        var rng = details.fork("scene")

        if frame.layout.eyesOnly {
            var eyes = rng.fork("eyes")
            SketchEyes.draw(frame, &eyes)
        } else {
            Self.rolled(frame) { drawWorld(frame, &rng) }
        }
        var weather = rng.fork("weather")
        SketchWeather.draw(frame, &weather)
        if let shoulder = frame.layout.shoulder {
            var part = rng.fork("shoulder")
            SketchShoulder.draw(frame, shoulder, &part)
        }
        var image = canvas.image()
        SketchFinish.finish(&image, seed: detailSeed ?? seed, vignette: frame.layout.vignette, ink: frame.palette.ink)
        return image
    }

    /// The palette, light side and layout for one seed.
    private static func frame(
        canvas: Canvas, scene: SketchScene, root: SketchRandom, nudges: [SketchNudge] = []
    ) -> SketchFrame {
        var layoutRng = root.fork("layout")
        var palette = SketchPalette.of(scene.mood).mirrored(layoutRng.chance(0.5)).tinted(sky: scene.skyColor)
        var layout = SketchLayout(
            scene: scene, width: Double(canvas.width), height: Double(canvas.height), keyLeft: palette.keyFrom == .left,
            rng: &layoutRng)
        for nudge in nudges {
            nudge.apply(to: &layout)
            nudge.apply(to: &palette)
        }
        let identity = SketchRandom(seed: scene.person.look ?? 0, salt: "identity \(scene.feminine)")
        return SketchFrame(canvas: canvas, scene: scene, palette: palette, layout: layout, identity: identity)
    }

    /// Everything but eyes-only frames: sky, land, subjects back to front, then the person.
    private func drawWorld(_ f: SketchFrame, _ rng: inout SketchRandom) {
        let scene = f.scene
        var part = rng.fork("sky")
        SketchSky.draw(f, &part)
        let open = !scene.has(.city) && !scene.has(.sea)
        part = rng.fork("mountains")
        if scene.has(.mountains) || [.desert, .snow, .forest].contains(scene.mood) || (open && part.chance(0.6)) {
            SketchLand.drawMountains(f, &part)
        }
        part = rng.fork("ground")
        if scene.has(.sea) { SketchSea.draw(f, &part) } else { SketchLand.drawGround(f, &part) }
        var skyline: [CanvasRect] = []
        part = rng.fork("city")
        if scene.has(.city) { skyline = SketchCity.draw(f, &part) }
        part = rng.fork("tower")
        if scene.has(.tower) { SketchLand.drawTower(f, &part) }
        part = rng.fork("fire")
        if scene.has(.fire) {
            SketchFire.draw(f, skyline: skyline, low: (f.layout.figure?.height ?? 0) > f.height, &part)
        }
        part = rng.fork("ship")
        if scene.has(.ship) { SketchShip.draw(f, &part) }
        part = rng.fork("trees")
        if scene.has(.trees) || scene.mood == .forest { SketchLand.drawTrees(f, &part) }
        part = rng.fork("fog")
        SketchWeather.drawBehind(f, &part)
        if f.layout.softness > 0 {
            f.canvas.setColor(f.palette.haze.mixed(with: f.palette.skyMid, 0.5).withAlpha(f.layout.softness))
            f.canvas.paint()
        }
        part = rng.fork("cliff")
        if let cliff = f.layout.cliff {
            SketchCliff.draw(f, cliff, &part)
        } else if scene.has(.sea), let figure = f.layout.figure {
            SketchSea.drawShore(f, under: figure, &part)
        }
        part = rng.fork("boat")
        SketchProps.drawBoat(f, &part)
        part = rng.fork("figure")
        for (index, figure) in f.layout.figures.enumerated() {
            // The first figure keeps the stream it always had; the rest take their own.
            if index == 1 { part = rng.fork("partner") }
            if index > 1 { part = rng.fork("figure \(index)") }
            let dressed = f.dressed(for: figure)
            SketchFigure.draw(dressed, figure, &part)
            var props = part.fork("props")
            SketchProps.drawCarried(dressed, figure, &props)
        }
        part = rng.fork("props")
        SketchProps.drawLoose(f, &part)
        part = rng.fork("insert")
        if scene.framing == .insert { SketchInsert.draw(f, &part) }
    }

    /// Runs `draw` with the canvas rolled about the frame's centre by the layout's `roll` (a
    /// dutch angle), enlarged just enough that the rolled picture still covers every corner.
    private static func rolled(_ f: SketchFrame, _ draw: () -> Void) {
        let roll = f.layout.roll
        guard roll != 0 else { return draw() }
        let (w, h) = (f.width, f.height)
        let cover = max((w * cos(roll) + h * abs(sin(roll))) / w, (w * abs(sin(roll)) + h * cos(roll)) / h)
        f.canvas.withState {
            f.canvas.translate(w / 2, h / 2)
            f.canvas.rotate(roll)
            f.canvas.scale(cover, cover)
            f.canvas.translate(-w / 2, -h / 2)
            draw()
        }
    }

    private static func isOpaque(_ image: RGBAImage) -> Bool {
        stride(from: 3, to: image.pixels.count, by: 4).allSatisfy { image.pixels[$0] == 255 }
    }

    /// The init image scaled to cover the frame (cropping what overflows), flattened on black.
    static func fit(_ image: RGBAImage, width: Int, height: Int) throws -> RGBAImage {
        if image.width == width && image.height == height && Self.isOpaque(image) { return image }
        return try Canvas.withCanvas(width: width, height: height) { canvas in
            canvas.setColor(.black)
            canvas.paint()
            let aspect = Double(image.width) / Double(image.height)
            canvas.draw(image, in: canvas.bounds.covering(aspect: aspect))
            return canvas.image()
        }
    }
}
