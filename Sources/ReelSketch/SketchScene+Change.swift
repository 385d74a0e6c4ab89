import ReelKit

extension SketchScene {
    /// This scene as a later prompt changes it (a shot `from:` another): what the new prompt says
    /// wins, what it takes back goes ("the storm gone" ends the storm and its rain), and what it
    /// leaves unsaid — who is there, where, the framing — stays as it was.
    func changed(by request: Request) -> SketchScene {
        let new = SketchScene(request: request)
        let words = SketchWords(request.prompt)
        let unwanted = SketchWords(request.negative ?? "")
        typealias V = SketchVocabulary
        func gone(_ phrases: [String]) -> Bool { words.deniesAny(phrases) || unwanted.hasAny(phrases) }
        var next = self

        if new.mood != .neutral {
            next.mood = new.mood
        } else if gone(V.moods.first { $0.mood == mood }?.words ?? []) {
            next.mood = .day
        }
        next.weather = weather.filter { kind in !gone(V.weather.first { $0.weather == kind }?.words ?? []) }
        if mood == .storm && next.mood != .storm { next.weather.remove(.rain) }
        next.weather.formUnion(new.weather)
        next.subjects = subjects.filter { subject in !gone(V.subjects.first { $0.subject == subject }?.words ?? []) }
        if mood == .fire && next.mood != .fire { next.subjects.remove(.fire) }
        next.subjects.formUnion(new.subjects)
        next.props = props.filter { prop in !gone(V.props.first { $0.prop == prop }?.words ?? []) }.union(new.props)
        next.propColors.merge(new.propColors) { _, restated in restated }

        if !new.cast.isEmpty {
            next.cast = new.cast.enumerated().map { index, person in
                index < cast.count ? person.restated(over: cast[index]) : person
            }
        }
        next.person = next.cast.first ?? new.person.restated(over: person)
        next.skyColor = new.skyColor ?? skyColor
        if new.framingStated {
            next.framing = new.framing
            next.framingStated = true
        }
        next.angle = new.angle ?? angle
        next.futuristic = futuristic || new.futuristic
        next.alienShip = alienShip || new.alienShip
        next.fromBehind = fromBehind || new.fromBehind
        next.reflection = reflection || new.reflection
        next.windy = windy || new.windy
        next.overlooks = overlooks || new.overlooks
        next.isNight = new.isNight || (isNight && next.mood == mood)
        next.expression = new.expression == .calm ? expression : new.expression
        next.lightEmphasis = max(lightEmphasis, new.lightEmphasis)
        return next
    }
}
