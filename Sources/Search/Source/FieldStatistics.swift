/// Collection statistics BM25 needs about one field of one segment (the same shape as
/// the index's manifest records, so the on-disk segment hands its own over).
public struct FieldStatistics: Sendable, Equatable {
    /// Passages where the field has at least one token.
    public var passageCount: Int
    /// Total tokens of the field over all passages (deleted ones included, as in Lucene).
    public var totalLength: Int

    public init(passageCount: Int, totalLength: Int) {
        self.passageCount = passageCount
        self.totalLength = totalLength
    }
}

/// What the term dictionary knows about one term in one field, without reading postings.
public struct TermStatistics: Sendable, Equatable {
    /// Passages whose field contains the term.
    public var documentFrequency: Int
    /// The highest frequency and the shortest field length over the whole list: the
    /// bound MaxScore needs before any block is read.
    public var maxFrequency: UInt32
    public var minLength: UInt32

    public init(documentFrequency: Int, maxFrequency: UInt32, minLength: UInt32) {
        self.documentFrequency = documentFrequency
        self.maxFrequency = maxFrequency
        self.minLength = minLength
    }
}
