import Index

/// Statistics over every segment searched together, so a passage scores the same whichever
/// segment holds it.
struct CollectionStatistics {
    let segments: [any PostingSource]
    let passageCount: Int
    /// avglen_f in `IndexField.allCases` order (deleted passages included, as in Lucene).
    let averageLengths: [Double]

    init(segments: [any PostingSource]) {
        self.segments = segments
        let passages = segments.reduce(0) { $0 + $1.passageCount }
        passageCount = passages
        averageLengths = IndexField.allCases.map { field in
            let total = segments.reduce(0) { $0 + $1.statistics(of: field).totalLength }
            return passages > 0 ? Double(total) / Double(passages) : 0
        }
    }

    /// Passages whose field contains the term, over all segments.
    func documentFrequency(of term: String, in field: IndexField) -> Int {
        segments.reduce(0) { $0 + $1.documentFrequency(of: term, in: field) }
    }

    /// n for BM25F: the largest per-field document frequency over the clause's fields.
    func documentFrequency(of term: String, in fields: [Int]) -> Int {
        fields.map { documentFrequency(of: term, in: IndexField.allCases[$0]) }.max() ?? 0
    }

    func idf(of term: String, in fields: [Int]) -> Double? {
        let n = documentFrequency(of: term, in: fields)
        return n > 0 ? BM25F.idf(documentFrequency: n, passages: passageCount) : nil
    }

    /// Distinct terms starting with `prefix` in any of the fields, over all segments.
    func terms(withPrefix prefix: String, in fields: [Int], scanLimit: Int) -> [String] {
        var found = Set<String>()
        for segment in segments {
            for field in fields {
                found.formUnion(segment.terms(withPrefix: prefix, in: IndexField.allCases[field], limit: scanLimit))
            }
        }
        return Array(found)
    }
}
