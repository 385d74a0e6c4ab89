/// A reference sheet for a character or a location: a shot of its own, `@vela` or
/// `@arcadia`, made from the description alone and picked like any shot (grid, pick, vary,
/// reroll). Its pick becomes a reference of every shot that names it, beside the
/// `references:` files the user gave; `reel cast NAME` makes it, and `reel make` makes the
/// missing ones first when the film says `cast_sheets: true`.
public enum CastSheet {
    /// The id of the sheet of `name` (`@vela`).
    public static func id(of name: String) -> String { "@\(name)" }

    /// The character or location a sheet id names, or `nil` when `id` is not a sheet's.
    public static func name(ofSheet id: String) -> String? {
        id.hasPrefix("@") && id.count > 1 ? String(id.dropFirst()) : nil
    }

    /// Neutral, even light on a plain ground, so the sheet carries who the character is and
    /// not one shot's mood.
    static let characterLayout =
        "character reference sheet, the same person shown four times side by side: front view, three-quarter view, profile, full body; neutral even studio light, plain light grey background"
    static let locationLayout =
        "location reference sheet, the same place shown as a wide establishing view and a closer view; neutral daylight, no people"
}

extension Film {
    /// Every sheet the film can have: characters first, then locations, in film order.
    public var castSheetIDs: [String] {
        characters.map { CastSheet.id(of: $0.id) } + locations.map { CastSheet.id(of: $0.id) }
    }

    /// The shot that makes the sheet `id` (`@vela`), or `nil` when no character or location has
    /// that name. Its seed is the character's, so a character with a seed keeps its look.
    public func castSheetShot(_ id: String) -> Shot? {
        guard let name = CastSheet.name(ofSheet: id) else { return nil }
        if let member = character(name) {
            return Shot(
                id: id, prompt: Prompt(text: "\(member.description), \(CastSheet.characterLayout)"),
                duration: Shot.defaultDuration, seed: member.seed, aspect: AspectRatio(width: 3, height: 2))
        }
        if let place = location(name) {
            return Shot(
                id: id, prompt: Prompt(text: "\(place.description), \(CastSheet.locationLayout)"),
                duration: Shot.defaultDuration, aspect: AspectRatio(width: 3, height: 2))
        }
        return nil
    }

    /// The sheets a shot names with `@name`, in film order.
    public func castSheets(namedIn shot: Shot) -> [String] {
        let names = Set(PromptMention.scan(shot.promptText).map(\.name))
        return castSheetIDs.filter { CastSheet.name(ofSheet: $0).map(names.contains) ?? false }
    }
}
