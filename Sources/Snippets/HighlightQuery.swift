import Analysis

/// What to mark in a passage: the analysed forms of a query's words, prefixes and phrases.
///
/// Matching happens on analysed terms, so every form that stems to a query word is marked
/// (`signed` for the query `signing`), and a phrase is marked as one span.
public struct HighlightQuery: Sendable, Equatable {
    /// Analysed single terms.
    public var terms: [[UInt8]]
    /// Folded prefixes from `prefix*` queries; any term starting with one matches.
    public var prefixes: [[UInt8]]
    /// Analysed phrases, each a sequence of terms that must occur at consecutive positions.
    public var phrases: [[[UInt8]]]

    public init(terms: [[UInt8]] = [], prefixes: [[UInt8]] = [], phrases: [[[UInt8]]] = []) {
        self.terms = terms
        self.prefixes = prefixes
        self.phrases = phrases.filter { !$0.isEmpty }
    }

    /// A query from plain words, analysed with `analyzer`; a convenience for tests and callers
    /// without a parsed query.
    public init(words: String, phrases: [String] = [], analyzer: Analyzer) {
        var terms: [[UInt8]] = []
        analyzer.analyze(words) { token in
            let term = Array(token.term)
            if !terms.contains(term) { terms.append(term) }
        }
        let analysedPhrases = phrases.map { phrase in
            var terms: [[UInt8]] = []
            analyzer.analyze(phrase) { token in
                if !token.isCompoundWhole { terms.append(Array(token.term)) }
            }
            return terms
        }
        self.init(terms: terms, phrases: analysedPhrases)
    }

    public var isEmpty: Bool { terms.isEmpty && prefixes.isEmpty && phrases.isEmpty }
}
