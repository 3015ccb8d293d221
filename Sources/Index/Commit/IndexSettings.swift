import Analysis

/// Settings fixed when an index is created and stored in every manifest, so queries are
/// analysed exactly as the text was.
public struct IndexSettings: Sendable, Equatable {
    /// Whether terms were stemmed (English Porter2).
    public var stemming: Bool

    public init(stemming: Bool = true) {
        self.stemming = stemming
    }

    /// The analyzer that produced the index's terms; use it for queries too.
    public var analyzer: Analyzer { Analyzer(stemming: stemming) }
}
