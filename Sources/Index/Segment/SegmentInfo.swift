/// What the manifest records about one segment: its name (the stem of its files), sizes,
/// per-field statistics and its current deletion set.
public struct SegmentInfo: Sendable, Equatable {
    public var name: String
    public var passageCount: Int
    public var documentCount: Int
    public var termCount: Int
    /// Per field, in `IndexField` order.
    public var fieldStatistics: [FieldStatistics]
    /// Which `.del` file holds the deletions (0: none yet).
    var deletionGeneration: Int
    public var deletedCount: Int
    public var deletedDocumentCount: Int

    public var liveCount: Int { passageCount - deletedCount }
    public var liveDocumentCount: Int { documentCount - deletedDocumentCount }

    /// The immutable files of the segment, by extension.
    static let extensions = ["terms", "postings", "positions", "norms", "passages", "documents"]

    func fileName(_ ext: String) -> String { "\(name).\(ext)" }

    var deletionFile: String? { deletionGeneration == 0 ? nil : "\(name)_\(deletionGeneration).del" }

    /// Every file of the segment, its deletion set included.
    var files: [String] { Self.extensions.map(fileName) + (deletionFile.map { [$0] } ?? []) }
}

/// Collection statistics of one field in one segment, for BM25's average field length.
public struct FieldStatistics: Sendable, Equatable {
    /// Passages where the field has at least one token.
    public var passageCount: Int
    /// Sum of the field's lengths over all passages (in tokens).
    public var totalLength: Int

    public init(passageCount: Int, totalLength: Int) {
        self.passageCount = passageCount
        self.totalLength = totalLength
    }
}
