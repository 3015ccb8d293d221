import Index

/// Weighted bags of index terms, for expanded queries (`RelevanceModel`).
extension Searcher {
    /// Ranks passages by Σ weight(t) · BM25F(t) over `terms`, any of which may match, in every
    /// field. Terms are index terms (already analysed); those the index lacks are skipped.
    ///
    /// The plan is the one a plain query of the same words compiles to, with each term's
    /// idf multiplied by its weight, so the same evaluators (pruned or exhaustive) rank it.
    public func search(weightedTerms terms: [WeightedTerm], options: SearchOptions = SearchOptions()) -> SearchResult {
        let fields = Array(IndexField.allCases.indices)
        let statistics = QueryStatistics(statistics)
        let clauses: [(occur: BooleanClause.Occur, node: PlanNode)] = terms.compactMap { weighted in
            guard weighted.weight > 0, let idf = statistics.idf(of: weighted.term, in: fields) else { return nil }
            return (.should, .term(TermClause(term: weighted.term, fields: fields, weight: weighted.weight * idf)))
        }
        let plan: PlanNode = clauses.isEmpty ? .nothing : .boolean(BooleanClause(clauses: clauses, filters: FilterSet()))
        return run(plan, terms: statistics, notes: [], options: options)
    }
}

/// An index term with the weight its BM25F score is multiplied by.
public struct WeightedTerm: Sendable, Equatable {
    public var term: String
    public var weight: Double

    public init(term: String, weight: Double) {
        self.term = term
        self.weight = weight
    }
}
