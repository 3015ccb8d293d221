import Analysis
import Snippets
import Testing
import TestSupport

private let seed = """
    The United States played an important role in the Rome Conference in 1998, and President Bill \
    Clinton signed the Rome Statute on 31 December 2000, the last day it was open for signatures. \
    Shortly after, President George W. Bush suspended the signature and informed the UN \
    Secretary-General that the US would no longer be involved in ICC matters. In the early 2000s, \
    the US launched what has been described as a global campaign to obtain immunity from ICC \
    jurisdiction.
    """

private func build(_ text: String, _ words: String, phrases: [String] = [], chars: Int = 200) -> Snippet {
    let analyzer = Analyzer()
    let builder = SnippetBuilder(analyzer: analyzer, options: SnippetOptions(maxCharacters: chars))
    return builder.snippet(of: text, for: HighlightQuery(words: words, phrases: phrases, analyzer: analyzer))
}

private func highlighted(_ snippet: Snippet) -> [String] {
    let scalars = Array(snippet.text.unicodeScalars)
    return snippet.highlights.map { span in
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars[span])
        return text
    }
}

@Test func shortPassageIsShownWholeWithEveryMatchMarked() {
    let snippet = build("Rome Statute — Signed 31 December 2000", "rome 2000")
    #expect(snippet.text == "Rome Statute — Signed 31 December 2000")
    #expect(highlighted(snippet) == ["Rome", "2000"])
    #expect(snippet.marked(open: "**", close: "**") == "**Rome** Statute — Signed 31 December **2000**")
}

@Test func windowCoversTheDensestRunAndStartsAtItsSentence() {
    let snippet = build(seed, "bush suspended")
    #expect(snippet.text == "…Shortly after, President George W. Bush suspended the signature and informed the UN Secretary-General that the US would no longer be involved in ICC matters.…")
    #expect(highlighted(snippet) == ["Bush", "suspended"])
}

@Test func stemmedFormsAreMarkedAndCountAsMatches() {
    let snippet = build(seed, "bush suspended signature")
    #expect(snippet.text.hasPrefix("…2000, the last day it was open for signatures. Shortly after"))
    #expect(highlighted(snippet) == ["signatures", "Bush", "suspended", "signature"])
    #expect(highlighted(build("He signed it.", "signing")) == ["signed"])
}

@Test func windowPrefersMoreDistinctTermsOverMoreMatches() {
    let snippet = build(seed, "ICC immunity")
    #expect(highlighted(snippet).contains("immunity"))
    #expect(highlighted(snippet).contains("ICC"))
}

@Test func phraseIsMarkedAsOneSpan() {
    let snippet = build(seed, "", phrases: ["Rome Statute"])
    #expect(highlighted(snippet) == ["Rome Statute"])
    #expect(snippet.text.hasPrefix("The United States played"))
}

@Test func withoutMatchesTheSnippetIsTheOpeningCutBetweenWords() {
    let snippet = build(seed, "zebra", chars: 60)
    #expect(snippet.text == "The United States played an important role in the Rome…")
    #expect(snippet.highlights.isEmpty)
}

@Test func offsetsCountUnicodeScalarsNotBytes() {
    let snippet = build("Café Zürich serves crème brûlée", "zürich brûlée")
    #expect(highlighted(snippet) == ["Zürich", "brûlée"])
    #expect(snippet.highlights == [5..<11, 25..<31])
}

@Test func newlinesInPreformattedTextBecomeSpaces() {
    let snippet = build("first line\nsecond line", "second")
    #expect(snippet.text == "first line second line")
}

/// Randomized: whatever the text and query, a snippet is a piece of the passage cut between
/// words, no longer than asked, and every highlight is a query word.
@Test(arguments: 0..<40)
func randomSnippetsAreWellFormed(seed: UInt64) {
    var random = SeededGenerator(seed: seed)
    let vocabulary = ["alpha", "beta", "gamma", "délta", "εψιλον", "zeta", "eta", "theta", "iota", "kappa", "日本"]
    let words = (0..<Int.random(in: 1...120, using: &random)).map { _ in vocabulary.randomElement(using: &random)! }
    let text = words.enumerated().map { index, word in index % 9 == 8 ? word + "." : word }.joined(separator: " ")
    let query = (0..<Int.random(in: 1...3, using: &random)).map { _ in vocabulary.randomElement(using: &random)! }
    let limit = Int.random(in: 20...120, using: &random)
    let snippet = build(text, query.joined(separator: " "), chars: limit)
    var body = snippet.text
    if body.hasPrefix("…") { body.removeFirst() }
    if body.hasSuffix("…") { body.removeLast() }
    #expect(text.contains(body))
    #expect(body.unicodeScalars.count <= limit)
    #expect(body.first != " " && body.last != " ")
    if let range = text.range(of: body) {
        #expect(range.lowerBound == text.startIndex || text[text.index(before: range.lowerBound)] == " ")
        #expect(range.upperBound == text.endIndex || text[range.upperBound] == " " || text[range.upperBound] == ".")
    }
    let queryTerms = Set(query.flatMap { Analyzer().terms($0) })
    for word in highlighted(snippet) {
        #expect(Analyzer().terms(word).allSatisfy(queryTerms.contains))
    }
}

@Test func hyphenatedPhrasesAndPrefixesAreMarked() {
    let analyzer = Analyzer()
    let builder = SnippetBuilder(analyzer: analyzer)
    let phrase = builder.snippet(
        of: "The ICC-related court heard it.", for: HighlightQuery(words: "", phrases: ["icc-related court"], analyzer: analyzer))
    #expect(highlighted(phrase) == ["ICC-related court"])
    let prefix = builder.snippet(of: "Happiness and happier days.", for: HighlightQuery(prefixes: [Array("happ".utf8)]))
    #expect(highlighted(prefix) == ["Happiness", "happier"])
}

@Test func aWindowShowingThePhraseBeatsOneShowingALooseWord() {
    let text = "Short of ratification, signing the Rome Statute creates a good faith obligation to refrain from acts that would defeat the object and the purpose of the Statute. While international legal scholars remain unclear about the legality of nullifying a signature, many have welcomed renewed relations."
    let analyzer = Analyzer()
    let snippet = SnippetBuilder(analyzer: analyzer, options: SnippetOptions(maxCharacters: 120))
        .snippet(of: text, for: HighlightQuery(words: "signature", phrases: ["rome statute"], analyzer: analyzer))
    #expect(highlighted(snippet) == ["Rome Statute"])
}
