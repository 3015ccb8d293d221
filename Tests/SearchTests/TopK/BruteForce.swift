import Index
@testable import Search

/// The obviously-correct reference: scores every passage by counting its terms, with the
/// same plan and formula, then sorts, caps per document and cuts at k.
struct BruteForce {
    let searcher: Searcher
    let segments: [InMemorySegment]

    func search(_ query: String, options: SearchOptions) throws -> [SearchHit] {
        let parsed = try QueryParser.parse(query, syntax: options.query.syntax)
        let plan = try QueryCompiler.compile(
            parsed, statistics: QueryStatistics(searcher.statistics), analyzer: searcher.analyzer, options: options.query
        ).plan
        var hits: [SearchHit] = []
        for (index, segment) in segments.enumerated() {
            for number in 0..<segment.passageCount {
                let passage = PassageNumber(rawValue: UInt32(number))
                guard !segment.isDeleted(passage), let score = self.score(plan, passage, segment) else { continue }
                hits.append(SearchHit(segment: index, passage: passage, document: segment.document(of: passage), score: score))
            }
        }
        hits.sort { $0.ranks(before: $1) }
        var perDocument: [String: Int] = [:]
        hits = hits.filter { hit in
            let key = "\(hit.segment)/\(hit.document.rawValue)"
            perDocument[key, default: 0] += 1
            return perDocument[key, default: 0] <= (options.perDocument ?? .max)
        }
        return Array(hits.prefix(options.limit))
    }

    /// `nil` when the passage does not match.
    private func score(_ node: PlanNode, _ passage: PassageNumber, _ segment: InMemorySegment) -> Double? {
        switch node {
        case .nothing:
            return nil
        case .term(let clause):
            return fieldScore(clause.weight, clause.fields, passage, segment) { terms in
                UInt32(terms.filter { $0 == clause.term }.count)
            }
        case .phrase(let clause):
            return fieldScore(clause.weight, clause.fields, passage, segment) { terms in
                var count: UInt32 = 0
                for start in terms.indices
                where zip(clause.terms, clause.offsets).allSatisfy({ term, offset in
                    start + Int(offset) < terms.count && terms[start + Int(offset)] == term
                }) {
                    count += 1
                }
                return count
            }
        case .boolean(let clause):
            let document = segment.document(of: passage)
            guard clause.filters.accepts(path: segment.path(of: document), language: segment.language(of: document))
            else { return nil }
            var total = 0.0
            var matchedPositive = false
            var hasMust = false
            for (occur, child) in clause.clauses {
                let childScore = score(child, passage, segment)
                switch occur {
                case .must:
                    hasMust = true
                    guard let childScore else { return nil }
                    total += childScore
                    matchedPositive = true
                case .should:
                    if let childScore {
                        total += childScore
                        matchedPositive = true
                    }
                case .mustNot:
                    if childScore != nil { return nil }
                }
            }
            return matchedPositive || hasMust ? total : nil
        }
    }

    private func fieldScore(
        _ weight: Double, _ fields: [Int], _ passage: PassageNumber, _ segment: InMemorySegment,
        count: ([String]) -> UInt32
    ) -> Double? {
        var frequency = 0.0
        var matched = false
        for field in fields {
            let name = IndexField.allCases[field]
            let occurrences = count(segment.terms(of: passage, in: name))
            guard occurrences > 0 else { continue }
            matched = true
            frequency += searcher.bm25.normalizedFrequency(
                occurrences, length: segment.length(of: passage, in: name), field: field)
        }
        return matched ? weight * searcher.bm25.saturate(frequency) : nil
    }
}
