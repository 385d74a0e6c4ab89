import ReelKit

/// The sentences that tell a multi-reference model who each input image shows and where to
/// place that person, for a shot with placed people: "Image 2 shows oda (a keeper in a yellow
/// coat): place this person on the right of the frame." Each service names its input images its
/// own way (`image 2` for FLUX.2, Gemini and OpenAI; `@oda` for Runway), so the caller names them.
enum PlacedPrompt {
    /// - Parameters:
    ///   - allotment: the references sent, per person in person order.
    ///   - name: the name of the person's `index`-th reference (0-based) as the prompt refers to it.
    static func sentences(
        _ request: Request, allotment: ReferenceAllotment, name: (_ person: Int, _ index: Int) -> String
    ) -> String {
        var sentences: [String] = []
        for (number, person) in request.placedPeople.enumerated() {
            let kept = number < allotment.people.count ? allotment.people[number].count : 0
            let place = "place this person \(person.region.words) of the frame."
            let who = "\(person.character) (\(person.description))"
            if kept == 0 {
                sentences.append("Show \(who) \(person.region.words) of the frame.")
            } else {
                let images = (0..<kept).map { name(number, $0) }
                let shows = images.count == 1 ? "shows" : "show"
                sentences.append("\(Self.list(images).capitalisedFirst) \(shows) \(who): \(place)")
            }
        }
        return sentences.joined(separator: " ")
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}

extension String {
    /// The text with its first letter in upper case ("@oda" stays as it is).
    fileprivate var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
