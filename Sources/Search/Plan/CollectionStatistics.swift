import Index

/// Statistics over every segment searched together, so a passage scores the same whichever
/// segment holds it. What depends on a query's terms is in `QueryStatistics`.
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
}
