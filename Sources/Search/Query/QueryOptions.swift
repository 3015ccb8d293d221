/// How query text becomes what is looked up: syntax, default operator, stopwords, prefixes.
public struct QueryOptions: Sendable, Equatable {
    /// How words side by side combine.
    public enum DefaultOperator: Sendable, Equatable {
        /// BM25 "should": a passage needs any of the words; more and rarer words rank higher.
        case any
        /// Every word side by side is required (`--all`).
        case all
    }

    /// What happens to stopwords outside phrases (inside a phrase they always count, and
    /// `+the` is always kept because it was asked for explicitly).
    public enum StopwordPolicy: Sendable, Equatable {
        /// Stopwords are scored like any other word.
        case keep
        /// Stopwords are left out, unless the query has nothing else to search for.
        case drop
        /// Stopwords score with their BM25 weight multiplied by this factor (0…1).
        case downweight(Double)
    }

    public var syntax: QueryParser.Syntax
    public var defaultOperator: DefaultOperator
    /// Applies to the analyzer's English stopwords (`Analysis.Stopwords`).
    public var stopwordPolicy: StopwordPolicy
    /// At most this many terms per `prefix*`, the most frequent ones; a note says when the
    /// cap dropped some.
    public var prefixExpansionLimit: Int

    public init(
        syntax: QueryParser.Syntax = .full, defaultOperator: DefaultOperator = .any,
        stopwordPolicy: StopwordPolicy = .drop, prefixExpansionLimit: Int = 64
    ) {
        self.syntax = syntax
        self.defaultOperator = defaultOperator
        self.stopwordPolicy = stopwordPolicy
        self.prefixExpansionLimit = prefixExpansionLimit
    }
}
