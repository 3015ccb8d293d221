/// The ranked hits of one search and what the person should know about how it ran.
public struct SearchResult: Sendable, Equatable {
    /// Best first.
    public var hits: [SearchHit]
    /// Matches fully scored: every match with `.exhaustive`, a lower bound with `.pruned`.
    public var matchesScored: Int
    /// Passages whose score was computed, in whole or in part: the work top-k did, which
    /// dynamic pruning exists to keep small (every match with `.exhaustive`).
    public var passagesScored: Int
    /// Remarks such as a capped prefix expansion, one line each.
    public var notes: [String]
    /// What the query looked for, for highlighting.
    public var queryTerms: QueryTerms

    public init(
        hits: [SearchHit], matchesScored: Int, passagesScored: Int = 0, notes: [String], queryTerms: QueryTerms = QueryTerms()
    ) {
        self.hits = hits
        self.matchesScored = matchesScored
        self.passagesScored = passagesScored
        self.notes = notes
        self.queryTerms = queryTerms
    }
}
