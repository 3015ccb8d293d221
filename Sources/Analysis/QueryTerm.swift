/// One analysed word of a query, with what a query parser needs to decide what to do with it.
public struct QueryTerm: Sendable, Hashable {
    /// The term as the index stores it (folded, stemmed when the analyzer stems).
    public var term: String
    /// The folded form before stemming: what a prefix query (`sign*`) should match on, and
    /// what stopword decisions look at.
    public var folded: String
    /// Position relative to the query's first token; equal offsets in the index make a phrase.
    public var position: UInt32
    /// Byte range in the query text, for error messages and echoing the query.
    public var sourceRange: Range<Int>
    /// The joined form of a hyphenated compound; phrases should skip it and match the parts.
    public var isCompoundWhole: Bool
    /// Whether the word is an English stopword (`Stopwords`); the index keeps stopwords, the
    /// query decides (drop them from bag-of-words queries, keep them inside phrases).
    public var isStopword: Bool

    public init(term: String, folded: String, position: UInt32, sourceRange: Range<Int>,
                isCompoundWhole: Bool = false, isStopword: Bool = false) {
        self.term = term
        self.folded = folded
        self.position = position
        self.sourceRange = sourceRange
        self.isCompoundWhole = isCompoundWhole
        self.isStopword = isStopword
    }
}

extension Analyzer {
    /// Analyses query text (a word, a phrase, a whole query) into terms with positions.
    public func queryTerms(_ text: String) -> [QueryTerm] {
        var text = text
        var result: [QueryTerm] = []
        text.withUTF8 { bytes in
            analyze(bytes) { token in
                result.append(QueryTerm(
                    term: String(decoding: token.term, as: UTF8.self), folded: String(decoding: token.folded, as: UTF8.self),
                    position: token.position, sourceRange: token.sourceRange,
                    isCompoundWhole: token.isCompoundWhole, isStopword: Stopwords.contains(token.folded)))
            }
        }
        return result
    }

    /// The folded, unstemmed terms of `text`: the form to use for prefix queries (`Sign*` →
    /// `sign`), since a stem is not a prefix of every word it stands for (`happy` → `happi`).
    public func foldedTerms(_ text: String) -> [String] {
        var text = text
        var result: [String] = []
        text.withUTF8 { bytes in
            analyze(bytes) { result.append(String(decoding: $0.folded, as: UTF8.self)) }
        }
        return result
    }
}
