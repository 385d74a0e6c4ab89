import ReelKit

/// What a `sketch` frame was drawn from: the first request and seed, then each variation or
/// `from:` step taken from it. The backend writes it into the PNG it returns
/// (`SketchRecipe+PNG.swift`), because a variation or a `from:` shot reaches a backend only as
/// its parent's bytes — the engine passes the parent's pixels as the init image, never its
/// request. With the recipe, `sketch` redraws the parent's scene (who, where, the layout)
/// and moves it by the strength, or changes what a new prompt changes, instead of blending
/// two drawings into a double exposure. Images without a recipe (a photo, another backend's
/// picture) are still repainted pixel by pixel.
struct SketchRecipe: Sendable, Hashable, Codable {
    struct Step: Sendable, Hashable, Codable {
        var prompt: String
        var negative: String?
        var framing: Framing?
        var angle: CameraAngle?
        var seed: UInt32
        /// How far this step moved from the drawing before it; `nil` for the first drawing.
        var strength: Double?

        var request: Request { Request(prompt: prompt, negative: negative, framing: framing, angle: angle) }

        func says(theSameAs other: Step) -> Bool {
            prompt == other.prompt && negative == other.negative && framing == other.framing && angle == other.angle
        }
    }

    /// The first drawing, then each step from it; never empty.
    private(set) var steps: [Step]
    /// The look of each person of the cast (`SketchLook`), kept through every step; `nil` in
    /// recipes written before looks existed.
    private(set) var looks: [UInt32?]?

    /// A fresh drawing of `request` with `seed`, its people in `looks`.
    init(request: Request, seed: UInt32, looks: [UInt32?] = []) {
        self.looks = looks.contains { $0 != nil } ? looks : nil
        steps = [
            Step(
                prompt: request.prompt, negative: request.negative, framing: request.framing, angle: request.angle,
                seed: seed)
        ]
    }

    /// This drawing varied or redirected by `request` (its prompt and strength) with `seed`.
    func followed(by request: Request, seed: UInt32) -> SketchRecipe {
        var copy = self
        copy.steps.append(
            Step(
                prompt: request.prompt, negative: request.negative, framing: request.framing, angle: request.angle,
                seed: seed, strength: request.strength ?? 0.5))
        return copy
    }

    var first: Step { steps[0] }

    /// The look of the first person: a sheet's look, which shots that carry the sheet take.
    var firstLook: UInt32? { looks?.first ?? nil }

    /// The scene: the first prompt's, changed by every later prompt that says something new,
    /// its people in the recipe's looks.
    var scene: SketchScene {
        var scene = SketchScene(request: first.request).wearing(looks ?? [])
        for (previous, step) in zip(steps, steps.dropFirst()) where !step.says(theSameAs: previous) {
            scene = scene.changed(by: step.request)
        }
        return scene
    }

    /// How each later step moves the first drawing.
    var nudges: [SketchNudge] { steps.dropFirst().map { SketchNudge(seed: $0.seed, strength: $0.strength ?? 0.5) } }

    /// The seed of the small things (clouds, windows, where a tower stands): the last strong
    /// variation's, so a subtle variation keeps its parent's, a strong one draws them anew, and a
    /// new prompt changes only what it says.
    var detailSeed: UInt32 {
        let varied = steps.indices.dropFirst().last { index in
            (steps[index].strength ?? 1) >= 0.5 && steps[index].says(theSameAs: steps[index - 1])
        }
        return varied.map { steps[$0].seed } ?? first.seed
    }
}
