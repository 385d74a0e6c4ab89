import ReelKit
import ReelMedia

/// What a person's reference sheet fixes beyond their words. `sketch` draws a sheet's four
/// candidates in four looks (the candidate's seed picks the skin and the colours the description
/// leaves unsaid), and every shot whose request carries that sheet as the person's reference
/// draws them in the picked sheet's look: pick another sheet candidate, and the shots follow.
enum SketchLook {
    /// The skin of a person without a look, as `sketch` always drew it.
    static let defaultSkin = Color(hex: 0xE6B493)

    /// The skins a look picks from.
    static let skins = [
        Color(hex: 0xF1C8A8), Color(hex: 0xE6B493), Color(hex: 0xC98E66), Color(hex: 0xA86B46),
        Color(hex: 0x7A4A30), Color(hex: 0x5A3624),
    ]

    /// The skin of the person `f` draws: their look's, or the default.
    static func skin(in f: SketchFrame) -> Color {
        guard f.scene.person.look != nil else { return defaultSkin }
        var stream = f.identity.fork("skin")
        return stream.pick(skins)
    }

    /// The looks of the people a sheet or a shot draws: a sheet (`SketchCast.isSheet`) is one
    /// person in the look of its own `seed`; otherwise each person keeps the look of their
    /// reference, in the order of `references`.
    static func looks(prompt: String, seed: UInt32, references: [UInt32?]) -> [UInt32?] {
        SketchCast.isSheet(prompt) ? Array(repeating: seed, count: SketchCast.maxPeople) : references
    }

    /// The look each person of `request` takes from their references: the first reference that
    /// is a `sketch` character sheet gives its look; photos and other backends' images give none
    /// (the person is drawn from words). Per placed person for two or more, else the one person.
    static func references(of request: Request, context: GenerationContext) throws -> [UInt32?] {
        func look(in references: [WeightedImage]) throws -> UInt32? {
            for reference in references {
                guard let recipe = SketchRecipe(png: try context.data(of: reference.source)),
                    SketchCast.isSheet(recipe.first.prompt)
                else { continue }
                return recipe.firstLook ?? recipe.first.seed
            }
            return nil
        }
        if let people = request.people, people.count >= 2 {
            return try people.map { try look(in: $0.references) }
        }
        return [try look(in: request.characterReferences)]
    }
}
