/// Image prompts: the words before the text, and the text after them.
extension PromptReader {
    /// A word that names an image: its source without `<…>`, and a `::N` weight if written.
    /// Token characters are slices of the whole text, so their indices are text positions.
    struct ReferenceWord {
        var source: String
        var weight: Double?
        var weightIndex: Int?
    }

    static func referenceWord(_ token: Token) -> ReferenceWord {
        var chars = token.characters
        func splitWeight() -> (value: Double, index: Int)? {
            var index = chars.endIndex - 2
            while index >= chars.startIndex {
                if chars[index] == ":", chars[index + 1] == ":" {
                    guard let value = PromptNumber.parse(chars[(index + 2)...]) else { return nil }
                    chars = chars[..<index]
                    return (value, index)
                }
                index -= 1
            }
            return nil
        }
        var weight = splitWeight()
        if chars.count > 2, chars.first == "<", chars.last == ">" {
            chars = chars.dropFirst().dropLast()
            if weight == nil { weight = splitWeight() }
        }
        return ReferenceWord(source: String(chars), weight: weight?.value, weightIndex: weight?.index)
    }

    mutating func readBody(_ tokens: ArraySlice<Token>) {
        var rest = tokens
        while let token = rest.first {
            let word = Self.referenceWord(token)
            if !ImageReference.isImageSource(word.source), let glue = Self.gluedToImage(token) {
                error(
                    "\(Self.quoted(String(token.characters[glue...]))) is glued to the image prompt before it; "
                        + "put a space between the image and the text", at: glue)
                rest = rest.dropFirst()
                continue
            }
            guard ImageReference.isImageSource(word.source) else { break }
            if let index = word.weightIndex {
                error("image prompts take no '::' weight; set '--iw' to weigh the images against the text", at: index)
            }
            prompt.imagePrompts.append(ImageReference(word.source))
            firstImageIndex = firstImageIndex ?? token.start
            rest = rest.dropFirst()
        }
        readText(rest)
        if prompt.imagePrompts.count == 1, prompt.parts.isEmpty, let index = firstImageIndex {
            warning(
                "one image prompt needs text with it: describe the picture after the image, "
                    + "or add a second image to blend",
                at: index)
        }
    }

    /// Where `::` starts in a word like `refs/a.png::x` or `<a.png>::x`: an image followed by
    /// something that is not a weight. Read as text it would turn into an image once rendered.
    private static func gluedToImage(_ token: Token) -> Int? {
        guard let separator = doubleColon(in: token.characters) else { return nil }
        var image = token.characters[..<separator]
        if image.count > 2, image.first == "<", image.last == ">" { image = image.dropFirst().dropLast() }
        return ImageReference.isImageSource(String(image)) ? separator : nil
    }
}
