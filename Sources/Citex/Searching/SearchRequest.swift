import Search

/// Everything `citex search` lets a person choose, besides the query text.
public struct SearchRequest: Sendable {
    /// Hits to print (`-k`).
    public var limit: Int
    /// Every word required (`--all`) instead of BM25's "any word, more is better".
    public var requireAll: Bool
    /// Read the query as a bag of words with no syntax (`--plain`).
    public var plain: Bool
    /// At most this many passages per document (`--per-doc`); `nil` for no cap.
    public var perDocument: Int?
    public var parameters: BM25Parameters
    public var fieldWeights: FieldWeights
    /// Length of the printed fragment (`--snippet-chars`).
    public var snippetCharacters: Int
    /// Whether hits need their passage text and snippet; a TREC run needs only documents,
    /// and skipping the passage store saves decompressing a block per hit.
    public var fetchesPassages: Bool

    /// Two passages per document by default: a reader sees more documents on the first page,
    /// yet a document that answers twice can show both places.
    public static let defaultPerDocument = 2

    public init(
        limit: Int = 10, requireAll: Bool = false, plain: Bool = false, perDocument: Int? = defaultPerDocument,
        parameters: BM25Parameters = BM25Parameters(), fieldWeights: FieldWeights = FieldWeights(),
        snippetCharacters: Int = 200, fetchesPassages: Bool = true
    ) {
        self.limit = limit
        self.requireAll = requireAll
        self.plain = plain
        self.perDocument = perDocument
        self.parameters = parameters
        self.fieldWeights = fieldWeights
        self.snippetCharacters = snippetCharacters
        self.fetchesPassages = fetchesPassages
    }

    var searchOptions: SearchOptions {
        var options = SearchOptions(limit: limit, perDocument: perDocument)
        options.query.syntax = plain ? .plain : .full
        options.query.defaultOperator = requireAll ? .all : .any
        return options
    }
}
