/// Scores a run against judgments: nDCG@10, AP@100 and Recall@100 per query and their means.
///
/// Means are taken over every judged query (every query in the qrels), so a query the engine
/// returned nothing for scores 0 instead of vanishing from the average; queries of the run
/// that nobody judged are left out and listed.
public struct Evaluation: Sendable, Equatable {
    /// The three measures for one query (or their means).
    public struct Scores: Sendable, Equatable {
        public var ndcgAt10: Double
        public var averagePrecisionAt100: Double
        public var recallAt100: Double

        public init(ndcgAt10: Double, averagePrecisionAt100: Double, recallAt100: Double) {
            self.ndcgAt10 = ndcgAt10
            self.averagePrecisionAt100 = averagePrecisionAt100
            self.recallAt100 = recallAt100
        }
    }

    /// One judged query's result.
    public struct Query: Sendable, Equatable {
        public var id: String
        public var scores: Scores
        /// Documents judged relevant (grade ≥ 1).
        public var relevant: Int
        /// Distinct documents the run returned.
        public var retrieved: Int
    }

    /// Judged queries in ID order (numeric IDs numerically).
    public var queries: [Query]
    /// Means over `queries`; all zero when there are none.
    public var mean: Scores
    /// Queries in the run that the qrels do not judge, in ID order.
    public var unjudgedQueries: [String]

    public init(run: TRECRun, qrels: Qrels) {
        queries = qrels.judgments.keys.sorted(by: Self.idOrder).map { id in
            let judgments = qrels.judgments[id] ?? [:]
            let ranked = run.rankedDocuments(id)
            let scores = Scores(
                ndcgAt10: RelevanceMeasures.ndcg(ranked, judgments: judgments, cutoff: 10),
                averagePrecisionAt100: RelevanceMeasures.averagePrecision(ranked, judgments: judgments, cutoff: 100),
                recallAt100: RelevanceMeasures.recall(ranked, judgments: judgments, cutoff: 100))
            return Query(id: id, scores: scores, relevant: qrels.relevantCount(id), retrieved: ranked.count)
        }
        let count = Double(max(queries.count, 1))
        mean = Scores(
            ndcgAt10: queries.reduce(0) { $0 + $1.scores.ndcgAt10 } / count,
            averagePrecisionAt100: queries.reduce(0) { $0 + $1.scores.averagePrecisionAt100 } / count,
            recallAt100: queries.reduce(0) { $0 + $1.scores.recallAt100 } / count)
        unjudgedQueries = run.entries.keys.filter { qrels.judgments[$0] == nil }.sorted(by: Self.idOrder)
    }

    /// Numeric IDs in numeric order before the rest in string order.
    static func idOrder(_ a: String, _ b: String) -> Bool {
        switch (Int(a), Int(b)) {
        case let (x?, y?): x < y
        case (_?, nil): true
        case (nil, _?): false
        case (nil, nil): a < b
        }
    }
}
