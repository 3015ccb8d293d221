import Analysis

/// The leaves: words, phrases and prefixes turned into analysed, weighted clauses.
extension QueryCompiler {
    /// A word: one term, or a phrase of its parts when analysis splits it (`e-mail`,
    /// `ICC-related`; the compound's joined form is left out, as the analyzer advises).
    mutating func word(_ text: String, fields: [Int], droppable: Bool) -> PlanNode? {
        let tokens = analyzer.queryTerms(text).filter { !$0.isCompoundWhole }
        switch tokens.count {
        case 0: return nil
        case 1: return termClause(tokens[0], fields: fields, droppable: droppable)
        default: return phraseClause(tokens, fields: fields)
        }
    }

    /// A quoted phrase; stopwords inside it always count.
    mutating func phrase(_ text: String, fields: [Int]) -> PlanNode? {
        let tokens = analyzer.queryTerms(text).filter { !$0.isCompoundWhole }
        switch tokens.count {
        case 0: return nil
        case 1: return termClause(tokens[0], fields: fields, droppable: false)
        default: return phraseClause(tokens, fields: fields)
        }
    }

    /// One analysed term, applying the stopword policy when `droppable`.
    mutating func termClause(_ term: QueryTerm, fields: [Int], droppable: Bool) -> PlanNode? {
        var boost = 1.0
        if droppable, term.isStopword {
            switch options.stopwordPolicy {
            case .keep:
                break
            case .drop:
                if droppingStopwords() { return nil }
            case .downweight(let factor):
                boost = factor
            }
        }
        guard let idf = statistics.idf(of: term.term, in: fields) else { return .nothing }
        return .term(TermClause(term: term.term, fields: fields, weight: boost * idf))
    }

    private func phraseClause(_ tokens: [QueryTerm], fields: [Int]) -> PlanNode {
        var weight = 0.0
        for token in tokens {
            guard let idf = statistics.idf(of: token.term, in: fields) else { return .nothing }
            weight += idf
        }
        let first = tokens[0].position
        return .phrase(
            PhraseClause(
                terms: tokens.map(\.term), offsets: tokens.map { $0.position &- first }, fields: fields,
                weight: weight))
    }

    /// `prefix*`: the most frequent terms starting with the folded (unstemmed) prefix.
    mutating func prefix(_ text: String, fields: [Int], column: Int) throws(SearchError) -> PlanNode? {
        let folded = analyzer.foldedTerms(text)
        guard folded.count <= 1 else { throw .query(at: column, "a prefix must be a single word") }
        guard let prefix = folded.first else { return nil }
        let ranked = statistics.terms(withPrefix: prefix, in: fields, scanLimit: Self.prefixScanLimit)
            .map { (term: $0, frequency: statistics.documentFrequency(of: $0, in: fields)) }
            .sorted { $0.frequency != $1.frequency ? $0.frequency > $1.frequency : $0.term < $1.term }
        let limit = max(1, options.prefixExpansionLimit)
        if ranked.count > limit {
            notes.append("'\(text)*' matches more than \(limit) terms; searched the \(limit) most frequent")
        }
        let clauses = ranked.prefix(limit).compactMap { candidate -> (occur: BooleanClause.Occur, node: PlanNode)? in
            statistics.idf(documentFrequency: candidate.frequency).map {
                (.should, .term(TermClause(term: candidate.term, fields: fields, weight: $0)))
            }
        }
        switch clauses.count {
        case 0: return .nothing
        case 1: return clauses[0].node
        default: return .boolean(BooleanClause(clauses: clauses, filters: FilterSet()))
        }
    }
}
