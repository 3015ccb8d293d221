import Analysis
import Testing

/// The query-side helpers: folded forms for prefixes, stopword flags, phrase positions.
struct QueryTermTests {
    @Test func queryTermsCarryFoldedFormsAndStopwords() {
        let terms = Analyzer().queryTerms("The Running Cafés")
        #expect(terms.map(\.term) == ["the", "run", "cafe"])
        #expect(terms.map(\.folded) == ["the", "running", "cafes"])
        #expect(terms.map(\.isStopword) == [true, false, false])
        #expect(terms.map(\.position) == [0, 1, 2])
        #expect(terms.map(\.sourceRange) == [0..<3, 4..<11, 12..<18])
    }

    @Test func foldedTermsAreUnstemmed() {
        #expect(Analyzer().foldedTerms("Happy Signals") == ["happy", "signals"])
    }

    @Test(arguments: ["the", "and", "dont", "yourselves", "a", "with"])
    func stopwords(word: String) {
        #expect(Stopwords.contains(word))
    }

    @Test(arguments: ["us", "well", "", "theory", "zzz", "aa"])
    func notStopwords(word: String) {
        #expect(!Stopwords.contains(word))
    }

    @Test func stopwordListIsSortedAndFolded() {
        let words = Stopwords.words.map { String(decoding: $0, as: UTF8.self) }
        #expect(words == words.sorted())
        for word in words { #expect(Analyzer(stemming: false).terms(word) == [word]) }
    }
}
