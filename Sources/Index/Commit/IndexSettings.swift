import Analysis

/// Settings fixed when an index is created and stored in every manifest, so queries are
/// analysed exactly as the text was.
public struct IndexSettings: Sendable, Equatable {
    /// Whether terms were stemmed (English Porter2).
    public var stemming: Bool
    /// `Analyzer.version` of the analyzer that built the index: terms from another version
    /// may not match, so a writer refuses to mix them and asks for a rebuild.
    public var analyzerVersion: UInt32

    public init(stemming: Bool = true, analyzerVersion: UInt32 = Analyzer.version) {
        self.stemming = stemming
        self.analyzerVersion = analyzerVersion
    }

    /// The analyzer that produced the index's terms; use it for queries too.
    public var analyzer: Analyzer { Analyzer(stemming: stemming) }
}
