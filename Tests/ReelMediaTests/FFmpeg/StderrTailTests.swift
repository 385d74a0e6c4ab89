import Testing

@testable import ReelMedia

@Suite struct StderrTailTests {
    private func feed(_ tail: StderrTail, _ text: String) {
        Array(text.utf8).withUnsafeBytes { tail.append($0) }
    }

    @Test func keepsOnlyTheLastLinesInOrder() {
        let tail = StderrTail(capacity: 3)
        for i in 1...7 { feed(tail, "line \(i)\n") }
        #expect(tail.lines == ["line 5", "line 6", "line 7"])
    }

    @Test func joinsLinesSplitAcrossReadsAndTreatsCarriageReturnAsAnEnd() {
        let tail = StderrTail(capacity: 5)
        feed(tail, "frame=  1\rframe=  2\rError opening fi")
        feed(tail, "le\n\nlast words")
        tail.finish()
        #expect(tail.lines == ["frame=  1", "frame=  2", "Error opening file", "last words"])
    }
}
