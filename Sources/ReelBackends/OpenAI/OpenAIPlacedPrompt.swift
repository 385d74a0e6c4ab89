import ReelKit

/// The edit prompt of a shot with placed people: who each uploaded image shows and where to
/// place them, by the images' order in the form ("image 2"), then the shot's prompt. OpenAI's
/// guide refers to several `image[]` inputs by their order; the exact phrase it reads best is
/// UNCONFIRMED.
enum OpenAIPlacedPrompt {
    static func prompt(of request: Request, limit: Int) -> String {
        guard !request.placedPeople.isEmpty else { return request.prompt }
        let leading = (request.initImage == nil ? 0 : 1) + request.imagePrompts.count
        let allotment = ReferenceAllotment(request, limit: limit - leading)
        let offsets = allotment.people.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        let sentences = PlacedPrompt.sentences(request, allotment: allotment) { person, index in
            "image \(leading + 1 + offsets[person] + index)"
        }
        return sentences + " " + request.prompt
    }
}
