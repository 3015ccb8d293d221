/// Where one term's postings live, as the term dictionary records it.
public struct TermInfo: Sendable, Equatable {
    /// Number of passages containing the term in this field (deleted ones included).
    public var documentFrequency: Int
    /// The highest frequency of the term in any passage, and the shortest field length of
    /// any passage containing it: a whole-list score bound (MaxScore) without reading postings.
    public var maxFrequency: UInt32
    public var minNorm: UInt32
    /// Byte offset of the term's postings in the segment's `.postings` payload.
    var postingsOffset: Int
    /// Byte offset of the term's positions in the segment's `.positions` payload.
    var positionsOffset: Int

    init(documentFrequency: Int, postingsOffset: Int, positionsOffset: Int, maxFrequency: UInt32 = 0, minNorm: UInt32 = 0) {
        self.documentFrequency = documentFrequency
        self.maxFrequency = maxFrequency
        self.minNorm = minNorm
        self.postingsOffset = postingsOffset
        self.positionsOffset = positionsOffset
    }
}
