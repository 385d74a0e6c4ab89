import ReelKit
import ReelMedia

extension SketchRenderer {
    /// The frame for `request` (a variation or a `from:` shot) drawn from its parent's recipe:
    /// the parent's scene, changed where the request's prompt says something new and moved by
    /// its strength. No pixel of the parent is blended in, so nothing shows twice.
    func render(_ request: Request, parent: SketchRecipe, seed: UInt32) throws -> (RGBAImage, SketchRecipe) {
        try Self.checkSize(request)
        let recipe = parent.followed(by: request, seed: seed)
        return (try render(recipe, width: request.width, height: request.height), recipe)
    }

    /// Draws a recipe at `width` × `height`: the same recipe always gives the same pixels.
    func render(_ recipe: SketchRecipe, width: Int, height: Int) throws -> RGBAImage {
        try draw(
            recipe.scene, width: width, height: height, seed: recipe.first.seed, salt: recipe.first.prompt,
            nudges: recipe.nudges, detailSeed: recipe.detailSeed)
    }
}
