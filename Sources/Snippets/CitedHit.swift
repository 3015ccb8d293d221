import Index

/// One ranked passage with everything needed to print and cite it.
public struct CitedHit: Sendable {
    /// 1-based rank in the result list.
    public var rank: Int
    public var score: Double
    /// The passage's document; its `passages` need not be loaded.
    public var document: Document
    public var passage: Passage
    public var snippet: Snippet

    public init(rank: Int, score: Double, document: Document, passage: Passage, snippet: Snippet) {
        self.rank = rank
        self.score = score
        self.document = document
        self.passage = passage
        self.snippet = snippet
    }

    public var citation: Citation { Citation(document: document, passage: passage) }
}

/// The answer to one query, as the formats print it.
public struct ResultPage: Sendable {
    public var query: String
    /// The query's id in a batch (`--queries`), printed by every format.
    public var qid: String?
    /// How many passages matched, before the top-k cut.
    public var total: Int
    public var tookMilliseconds: Double
    public var hits: [CitedHit]

    public init(query: String, qid: String? = nil, total: Int, tookMilliseconds: Double, hits: [CitedHit]) {
        self.query = query
        self.qid = qid
        self.total = total
        self.tookMilliseconds = tookMilliseconds
        self.hits = hits
    }
}
