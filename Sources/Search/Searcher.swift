import Analysis

/// Runs queries over a set of segments searched together (one commit of an index, or
/// in-memory segments in tests).
///
/// Statistics (N, document frequencies, average lengths) are taken over all segments, so
/// a passage scores the same whichever segment holds it. Not thread-safe: cursors are
/// created per search, but segments may cache; use one searcher per thread.
public struct Searcher {
    let statistics: CollectionStatistics
    public let analyzer: Analyzer
    let bm25: BM25F
    /// Scratch the evaluators score windows in, kept across queries (hence one searcher per
    /// thread).
    private let window = ScoreWindow()

    public init(
        segments: [any PostingSource], analyzer: Analyzer = Analyzer(), parameters: BM25Parameters = BM25Parameters(),
        fieldWeights: FieldWeights = FieldWeights()
    ) {
        statistics = CollectionStatistics(segments: segments)
        self.analyzer = analyzer
        bm25 = BM25F(parameters: parameters, fieldWeights: fieldWeights, averageLengths: statistics.averageLengths)
    }

    /// Parses and runs a query.
    /// - Throws: `SearchError` with the column when the query is malformed.
    public func search(_ text: String, options: SearchOptions = SearchOptions()) throws(SearchError) -> SearchResult {
        try search(QueryParser.parse(text, syntax: options.query.syntax), options: options)
    }

    /// Runs a parsed query.
    public func search(_ query: QueryNode, options: SearchOptions = SearchOptions()) throws(SearchError) -> SearchResult {
        let terms = QueryStatistics(statistics)
        let (plan, notes) = try QueryCompiler.compile(query, statistics: terms, analyzer: analyzer, options: options.query)
        return run(plan, terms: terms, notes: notes, options: options)
    }

    /// Top-k of a compiled plan over every segment, its cursors opened from the entries
    /// `terms` looked up while the plan was compiled.
    func run(_ plan: PlanNode, terms: QueryStatistics, notes: [String], options: SearchOptions) -> SearchResult {
        var collector = TopKCollector(limit: options.limit, perDocument: options.perDocument)
        var scored = 0
        for (index, segment) in terms.segments.enumerated() {
            let context = ScoringContext(terms: segment, bm25: bm25)
            switch options.strategy {
            case .pruned:
                guard let parts = context.rootParts(for: plan) else { continue }
                scored += Self.collect(parts, source: context.source, segment: index, window: window, into: &collector)
            case .exhaustive:
                ExhaustiveEvaluator.collect(plan, context: context, segment: index, into: &collector)
                scored = collector.offered
            }
        }
        return SearchResult(
            hits: collector.hits, matchesScored: collector.offered, passagesScored: scored, notes: notes,
            queryTerms: QueryTerms(plan))
    }

    /// Runs MaxScore over one segment's root clauses, with the evaluator specialised for
    /// plain terms, or for phrases, of an on-disk segment when every optional clause is one;
    /// returns the passages scored.
    private static func collect(
        _ parts: BooleanParts, source: any PostingSource, segment: Int, window: ScoreWindow, into collector: inout TopKCollector
    ) -> Int {
        collect(parts, source: source, segment: segment, window: window, as: { $0 as? TermScorer<SegmentPostingCursor> }, into: &collector)
            ?? collect(parts, source: source, segment: segment, window: window, as: { $0 as? PhraseScorer<SegmentPostingCursor> }, into: &collector)
            ?? collect(parts, source: source, segment: segment, window: window, as: { AnyScorer($0) }, into: &collector)
            ?? 0
    }

    /// MaxScore with the optional clauses as `Clause`; `nil` when one of them is not one.
    private static func collect<Clause: Scorer>(
        _ parts: BooleanParts, source: any PostingSource, segment: Int, window: ScoreWindow, as clause: (any Scorer) -> Clause?,
        into collector: inout TopKCollector
    ) -> Int? {
        guard let evaluator = MaxScoreEvaluator(parts: parts, source: source, segment: segment, window: window, as: clause) else {
            return nil
        }
        evaluator.collect(into: &collector)
        return evaluator.passagesScored
    }
}
