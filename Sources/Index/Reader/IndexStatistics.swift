/// What `citex stats` reports about a commit.
public struct IndexStatistics: Sendable, Equatable {
    public var generation: UInt64
    /// Live documents and passages.
    public var documents: Int
    public var passages: Int
    /// Distinct (field, term) pairs across segments.
    public var terms: Int
    public var segments: Int
    /// Passages deleted but not yet merged away.
    public var deleted: Int
    /// Bytes on disk per part (`terms`, `postings`, `positions`, `norms`, `passages`,
    /// `documents`, `deletions`, `manifest`).
    public var bytes: [String: Int]
    public var stemming: Bool
}

extension IndexReader {
    /// Counts for `citex stats` (the distinct-term count walks every term dictionary once).
    public func statistics() throws -> IndexStatistics {
        var terms = try MergedTermIterator(segments)
        var distinct = 0
        while try terms.next() { distinct += 1 }
        var bytes: [String: Int] = [:]
        for segment in segments {
            for (part, size) in segment.fileSizes() { bytes[part, default: 0] += size }
        }
        bytes["manifest"] = manifestBytes
        return IndexStatistics(
            generation: generation, documents: documentCount, passages: passageCount, terms: distinct,
            segments: segments.count, deleted: segments.reduce(0) { $0 + $1.deletions.passages.count },
            bytes: bytes, stemming: settings.stemming)
    }
}
