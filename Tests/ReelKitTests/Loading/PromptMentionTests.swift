import Testing

@testable import ReelKit

@Suite struct PromptMentionTests {
    static let texts: [(text: String, names: [String])] = [
        ("@ria stands on a cliff", ["ria"]),
        ("write to me@example.com", []),
        ("see https://x.org/@ria/a.png", []),
        ("(@ria), \"@kai\" and @harbour-city.", ["ria", "kai", "harbour-city"]),
        ("@ria's hat", ["ria"]),
        ("@ria- and @ria--x", ["ria", "ria"]),
        ("@2x and @ alone", []),
        ("a,@ria;@kai", ["ria", "kai"]),
        ("@_x\t@y_2", ["_x", "y_2"]),
        ("@élan is not ASCII", []),
    ]

    @Test(arguments: texts)
    func findsNamesButNotEmailsOrURLs(_ example: (text: String, names: [String])) {
        #expect(PromptMention.scan(example.text).map(\.name) == example.names)
    }

    @Test func offsetsCountCharacters() {
        #expect(PromptMention.scan("港 🇯🇵 @ria") == [PromptMention(name: "ria", offset: 4)])
    }

    @Test func namesAreWhatCanFollowAnAt() {
        #expect(PromptMention.isName("ria") && PromptMention.isName("harbour-city") && PromptMention.isName("_x"))
        #expect(!PromptMention.isName("the pilot") && !PromptMention.isName("2x") && !PromptMention.isName("ria-"))
        #expect(!PromptMention.isName(""))
    }
}
