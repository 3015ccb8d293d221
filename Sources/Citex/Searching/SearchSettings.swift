import Search
import Snippets

/// Everything a search run can be told, with the defaults a person reading results wants.
public struct SearchSettings: Sendable {
    public var index: String
    public var limit: Int
    /// At most this many passages per document; `nil` for no cap.
    public var perDocument: Int?
    /// Every word required (`--all`) instead of ranking by any of them.
    public var requireAll: Bool
    /// No query syntax: the text is a bag of words (`--plain`).
    public var plain: Bool
    public var bm25: BM25Parameters
    public var fieldWeights: FieldWeights
    public var snippet: SnippetOptions
    /// Whether hits need their passage (text, section, line) and snippet. A TREC run needs
    /// only each hit's document; skipping the passage store saves decompressing a block per
    /// hit, about half the CPU time of an evaluation batch.
    public var fetchesPassages: Bool
    /// Pseudo-relevance feedback (`--feedback`): plain queries are expanded with the words of
    /// their best first results and run again. Off by default (README, "Relevance").
    public var feedback: RelevanceModel?

    /// Two passages per document: enough to see why a page matched without one long page
    /// filling the screen.
    public static let defaultPerDocument = 2

    /// citex's ranking: BM25 with k1 = 2.0 instead of Lucene's 1.2 (`BM25Parameters()`).
    ///
    /// BM25F adds the weighted field frequencies before saturating them, so one query word in
    /// a title that is also the section heading already counts 3.5 text occurrences; at
    /// k1 = 1.2 that is three quarters of the way to saturation, and the passage's body text
    /// can add little. k1 = 2.0, the top of the range Robertson and Zaragoza recommend, keeps
    /// body evidence counting. Measured on Cranfield (README, "Relevance"): nDCG@10, AP@100 and
    /// Recall@100 all rise (0.5232 / 0.4238 / 0.7677 → 0.5294 / 0.4287 / 0.7698), and queries
    /// cut to two or four words are unchanged within ±0.002.
    public static let defaultBM25 = BM25Parameters(k1: 2.0, b: 0.75)

    public init(
        index: String, limit: Int = 10, perDocument: Int? = SearchSettings.defaultPerDocument, requireAll: Bool = false,
        plain: Bool = false, bm25: BM25Parameters = SearchSettings.defaultBM25, fieldWeights: FieldWeights = FieldWeights(),
        snippet: SnippetOptions = SnippetOptions(), fetchesPassages: Bool = true,
        feedback: RelevanceModel? = nil
    ) {
        self.index = index
        self.limit = limit
        self.perDocument = perDocument
        self.requireAll = requireAll
        self.plain = plain
        self.bm25 = bm25
        self.fieldWeights = fieldWeights
        self.snippet = snippet
        self.fetchesPassages = fetchesPassages
        self.feedback = feedback
    }

    var searchOptions: SearchOptions {
        SearchOptions(
            query: QueryOptions(syntax: plain ? .plain : .full, defaultOperator: requireAll ? .all : .any),
            limit: limit, perDocument: perDocument)
    }
}
