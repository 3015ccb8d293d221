import Analysis
import Testing

@Test func tokensKeepTheirSourceRanges() {
    let text = "Rome Statute, 1998"
    var ranges: [Range<Int>] = []
    Analyzer().analyze(text) { ranges.append($0.sourceRange) }
    #expect(ranges == [0..<4, 5..<12, 14..<18])
}
