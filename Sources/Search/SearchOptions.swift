/// Everything about one search besides the query text.
public struct SearchOptions: Sendable, Equatable {
    /// How top-k is computed; both give identical hits, scores and order.
    public enum Strategy: Sendable, Equatable {
        /// MaxScore with block-max skipping (the default).
        case pruned
        /// Score every match (for checking, and to count every match).
        case exhaustive
    }

    public var query: QueryOptions
    /// Hits to return (`-k`).
    public var limit: Int
    /// At most this many passages per document (`--per-doc`); `nil` for no cap.
    public var perDocument: Int?
    public var strategy: Strategy

    public init(query: QueryOptions = QueryOptions(), limit: Int = 10, perDocument: Int? = nil, strategy: Strategy = .pruned) {
        self.query = query
        self.limit = limit
        self.perDocument = perDocument
        self.strategy = strategy
    }
}
