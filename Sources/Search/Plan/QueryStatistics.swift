import Index

/// What one query learns about its terms over the segments searched together: document
/// frequencies while it is planned, from entries each segment keeps for its scorers
/// (`SegmentTerms`), so a term is looked up once per segment and field, not once to plan
/// and again to score. Made afresh for each query.
struct QueryStatistics {
    let collection: CollectionStatistics
    /// Per segment, in the collection's order.
    let segments: [any SegmentTerms]

    init(_ collection: CollectionStatistics) {
        self.collection = collection
        segments = collection.segments.map { Self.memo(of: $0) }
    }

    private static func memo<Source: PostingSource>(of source: Source) -> any SegmentTerms {
        SegmentTermMemo(source)
    }

    /// Passages whose field contains the term, over all segments.
    func documentFrequency(of term: String, in field: IndexField) -> Int {
        segments.reduce(0) { $0 + $1.documentFrequency(of: term, in: field) }
    }

    /// n for BM25F: the largest per-field document frequency over the clause's fields.
    func documentFrequency(of term: String, in fields: [Int]) -> Int {
        var largest = 0
        for field in fields { largest = max(largest, documentFrequency(of: term, in: Self.fields[field])) }
        return largest
    }

    /// `IndexField.allCases`, built once (plan fields index it).
    private static let fields = IndexField.allCases

    func idf(of term: String, in fields: [Int]) -> Double? {
        idf(documentFrequency: documentFrequency(of: term, in: fields))
    }

    /// The idf of a term found in `n` passages; nil for none.
    func idf(documentFrequency n: Int) -> Double? {
        n > 0 ? BM25F.idf(documentFrequency: n, passages: collection.passageCount) : nil
    }

    /// Distinct terms starting with `prefix` in any of the fields, over all segments (their
    /// entries kept, so ranking them by document frequency looks nothing up again).
    func terms(withPrefix prefix: String, in fields: [Int], scanLimit: Int) -> [String] {
        var found = Set<String>()
        for segment in segments {
            for field in fields {
                found.formUnion(segment.terms(withPrefix: prefix, in: Self.fields[field], limit: scanLimit))
            }
        }
        return Array(found)
    }
}
