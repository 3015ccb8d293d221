/// Where one term's postings live, as the term dictionary records it.
public struct TermInfo: Sendable, Equatable {
    /// Number of passages containing the term in this field (deleted ones included).
    public var documentFrequency: Int
    /// The competitive (frequency, field length) pairs of the whole list: a score bound for
    /// MaxScore without reading postings.
    public var impacts: Impacts
    /// Byte offset of the term's postings in the segment's `.postings` payload.
    var postingsOffset: Int
    /// Byte offset of the term's positions in the segment's `.positions` payload.
    var positionsOffset: Int

    init(documentFrequency: Int, postingsOffset: Int, positionsOffset: Int, impacts: Impacts = Impacts()) {
        self.documentFrequency = documentFrequency
        self.impacts = impacts
        self.postingsOffset = postingsOffset
        self.positionsOffset = positionsOffset
    }
}
