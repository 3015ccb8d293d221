import Analysis
import Index
import Search
import Testing

private func segment(_ texts: [String]) -> InMemorySegment {
    let analyzer = Analyzer()
    return InMemorySegment(
        documents: [InMemorySegment.Document(path: "docs/a.html", language: "en-GB"), InMemorySegment.Document(path: "b.html")],
        passages: texts.enumerated().map { number, text in
            InMemorySegment.Passage(
                document: DocumentNumber(rawValue: UInt32(number % 2)), fields: [.text: analyzer.terms(text)])
        })
}

private let texts = [
    "the signing of the treaty", "a cat and a dog", "the the the", "sign here please", "signal noise ratio",
    "email me", "e mail is two words here",
]

private let corpus = segment(texts)

/// Passages whose analysed text holds the analysed form of `word`: what a one-word query
/// must find, whatever the analyzer's stemming does.
private func containing(_ word: String) -> [UInt32] {
    let analyzer = Analyzer()
    let term = analyzer.terms(word)
    return texts.indices.filter { analyzer.terms(texts[$0]).contains(term[0]) }.map(UInt32.init)
}

private func passages(_ query: String, _ options: SearchOptions = SearchOptions(limit: 100)) throws -> [UInt32] {
    try Searcher(segments: [corpus]).search(query, options: options).hits.map(\.passage.rawValue).sorted()
}

@Test func queryWordsGoThroughTheAnalyzer() throws {
    #expect(try passages("SIGNING") == containing("signing"))
    #expect(try passages("SIGNING").contains(0))
    #expect(try passages("Cat") == [1])
}

@Test func wordsSplitByAnalysisBecomePhrases() throws {
    #expect(try passages("e-mail") == [6])
}

@Test func phrasesNeedOrderAndAdjacency() throws {
    #expect(try passages("\"cat and\"") == [1])
    #expect(try passages("\"and cat\"").isEmpty)
    #expect(try passages("\"the treaty\"") == [0])
}

@Test func booleanStructure() throws {
    #expect(try passages("cat OR sign") == ([1] + containing("sign")).sorted())
    #expect(try passages("cat AND dog") == [1])
    #expect(try passages("cat AND noise").isEmpty)
    #expect(try passages("the -treaty") == [2])
    #expect(try passages("the AND NOT treaty") == [2])
    #expect(try passages("cat the -treaty") == [1])
    #expect(try passages("+cat sign") == [1])
    #expect(try passages("(cat OR sign) AND please") == [3])
}

@Test func allRequiresEveryWord() throws {
    var options = SearchOptions(limit: 100)
    options.query.defaultOperator = .all
    #expect(try passages("cat dog", options) == [1])
    #expect(try passages("cat sign", options).isEmpty)
    #expect(try passages("cat OR sign", options) == ([1] + containing("sign")).sorted())
}

@Test func filtersRestrictByPathAndLanguage() throws {
    #expect(try passages("the path:docs") == [0, 2])
    #expect(try passages("the path:docs/a.html") == [0, 2])
    #expect(try passages("the path:doc").isEmpty)
    #expect(try passages("the lang:en") == [0, 2])
    #expect(try passages("the lang:fr").isEmpty)
    #expect(try passages("here path:docs path:b.html") == [3, 6])
}

@Test func prefixesExpandThroughTheDictionary() throws {
    #expect(try passages("sig*") == [0, 3, 4])
    let searcher = Searcher(segments: [corpus])
    var options = SearchOptions()
    options.query.prefixExpansionLimit = 1
    let result = try searcher.search("sig*", options: options)
    #expect(result.notes == ["'sig*' matches more than 1 terms; searched the 1 most frequent"])
}

@Test func stopwordsAreDroppedOutsidePhrasesButNotAlone() throws {
    var options = SearchOptions(limit: 100)
    #expect(try passages("the cat", options) == [1])
    #expect(try passages("the", options) == [0, 2])
    #expect(try passages("\"cat and\"", options) == [1])
    #expect(try passages("+the cat", options) == [0, 2])
    options.query.stopwordPolicy = .keep
    #expect(try passages("the cat", options) == [0, 1, 2])
}

@Test func downweightedStopwordsScoreLess() throws {
    let searcher = Searcher(segments: [corpus])
    var options = SearchOptions()
    options.query.stopwordPolicy = .downweight(0.1)
    let light = try searcher.search("the", options: options).hits[0].score
    options.query.stopwordPolicy = .keep
    let full = try searcher.search("the", options: options).hits[0].score
    #expect(abs(light - full * 0.1) < 1e-12)
}

@Test func plainSyntaxIsABagOfWords() throws {
    var options = SearchOptions(limit: 100)
    options.query.syntax = .plain
    #expect(try passages("What about \"the cat\"? (-dog) OR title:noise", options) == [1, 4])
}

@Test(arguments: [
    ("-cat", 1), ("NOT cat", 1), ("path:docs", 1), ("cat OR -dog", 8), ("cat OR NOT dog", 8), ("cat OR path:x", 8),
    ("dog (-cat)", 5), ("sign*x* here", 1),
])
func compileErrorsSayWhere(query: String, column: Int) {
    #expect {
        try passages(query)
    } throws: { error in
        (error as? SearchError)?.column == column
    }
}

@Test func absentWordsMatchNothingWithoutError() throws {
    #expect(try passages("zebra").isEmpty)
    #expect(try passages("+zebra cat").isEmpty)
    #expect(try passages("zebra cat") == [1])
    #expect(try passages("?!").isEmpty)
}

@Test func queryTermsListWhatToHighlight() throws {
    let analyzer = Analyzer()
    let result = try Searcher(segments: [corpus]).search("Signing \"cat and\" ratio* -dog cat")
    let phrase = analyzer.terms("cat and")
    #expect(result.queryTerms.terms == analyzer.terms("signing ratio cat"))
    #expect(result.queryTerms.phrases == (phrase.count > 1 ? [phrase] : []))
}
