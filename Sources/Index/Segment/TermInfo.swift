/// Where one term's postings live, as the term dictionary records it.
public struct TermInfo: Sendable, Equatable {
    /// Number of passages containing the term in this field (deleted ones included).
    public var documentFrequency: Int
    /// Byte offset of the term's postings in the segment's `.postings` payload.
    var postingsOffset: Int
    /// Byte offset of the term's positions in the segment's `.positions` payload.
    var positionsOffset: Int

    init(documentFrequency: Int, postingsOffset: Int, positionsOffset: Int) {
        self.documentFrequency = documentFrequency
        self.postingsOffset = postingsOffset
        self.positionsOffset = positionsOffset
    }
}
