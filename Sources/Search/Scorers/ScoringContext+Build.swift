import Index

/// Turning plan nodes into this segment's scorers.
extension ScoringContext {
    /// `nil` when the node matches nothing in this segment.
    func scorer(for node: PlanNode) -> (any Scorer)? {
        switch node {
        case .term(let clause):
            return termScorer(clause, terms: terms)
        case .phrase(let clause):
            return phraseScorer(clause, terms: terms)
        case .boolean(let clause):
            return parts(for: clause).map(BooleanScorer.init)
        case .nothing:
            return nil
        }
    }

    /// A term scorer typed by the source's cursor (the existential segment is opened here).
    /// Specialised for the on-disk segment, so building the scorer (and a phrase's first
    /// match, found while it is built) runs no unspecialised generic code.
    @_specialize(where Terms == SegmentTermMemo<SegmentReader>)
    private func termScorer<Terms: SegmentTerms>(_ clause: TermClause, terms: Terms) -> (any Scorer)? {
        TermScorer<Terms.Source.Cursor>(clause, terms: terms, context: self)
    }

    /// A phrase scorer typed by the source's cursor, like `termScorer`.
    @_specialize(where Terms == SegmentTermMemo<SegmentReader>)
    private func phraseScorer<Terms: SegmentTerms>(_ clause: PhraseClause, terms: Terms) -> (any Scorer)? {
        PhraseScorer<Terms.Source.Cursor>(clause, terms: terms, context: self)
    }

    /// The clauses' scorers; `nil` when a required clause, or every positive one, matches
    /// nothing here.
    func parts(for clause: BooleanClause) -> BooleanParts? {
        var clauses: [(occur: BooleanClause.Occur, scorer: any Scorer)] = []
        for (occur, node) in clause.clauses {
            if let scorer = scorer(for: node) {
                clauses.append((occur, scorer))
            } else if occur == .must {
                return nil
            }
        }
        guard clauses.contains(where: { $0.occur != .mustNot }) else { return nil }
        let filter = clause.filters.isEmpty ? nil : SegmentFilter(clause.filters, source: source)
        return BooleanParts(clauses: clauses, filter: filter)
    }

    /// The root as boolean parts: a lone term or phrase is a boolean of one `should`.
    func rootParts(for node: PlanNode) -> BooleanParts? {
        if case .boolean(let clause) = node { return parts(for: clause) }
        return scorer(for: node).map { BooleanParts(clauses: [(.should, $0)], filter: nil) }
    }
}
