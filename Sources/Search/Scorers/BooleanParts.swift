import Index

/// The scorers of a boolean's clauses, sorted by role, with what both the nested
/// `BooleanScorer` and root MaxScore evaluation do with them.
struct BooleanParts {
    /// In query order: the order scores are added in.
    let clauses: [(occur: BooleanClause.Occur, scorer: any Scorer)]
    /// Cheapest first, for leapfrogging.
    let must: [any Scorer]
    let should: [any Scorer]
    let mustNot: [any Scorer]
    /// Indices into `clauses` of the `must` clauses (cheapest first, like `must`) and of
    /// the `should` clauses.
    let mustIndices: [Int]
    let shouldIndices: [Int]
    let filter: SegmentFilter?

    init(clauses: [(occur: BooleanClause.Occur, scorer: any Scorer)], filter: SegmentFilter?) {
        self.clauses = clauses
        self.filter = filter
        mustIndices = clauses.indices.filter { clauses[$0].occur == .must }.sorted {
            clauses[$0].scorer.cost < clauses[$1].scorer.cost
        }
        shouldIndices = clauses.indices.filter { clauses[$0].occur == .should }
        must = mustIndices.map { clauses[$0].scorer }
        should = shouldIndices.map { clauses[$0].scorer }
        mustNot = clauses.filter { $0.occur == .mustNot }.map(\.scorer)
    }

    /// The first passage at or after `target` every `must` scorer stands on.
    func conjunction(from target: PassageNumber) -> PassageNumber {
        leapfrog(count: must.count, from: target) { must[$0].advance(to: $1) }
    }

    /// Whether a passage the positive clauses match passes the filters and exclusions.
    func admits(_ passage: PassageNumber) -> Bool {
        if let filter, !filter.accepts(passage) { return false }
        for scorer in mustNot where scorer.advance(to: passage) == passage {
            return false
        }
        return true
    }

    /// The sum, in query order, of the positive clauses that match `passage` (which every
    /// `must` clause matches).
    func score(at passage: PassageNumber) -> Double {
        var total = 0.0
        for clause in clauses {
            switch clause.occur {
            case .must:
                total += clause.scorer.score()
            case .should:
                if clause.scorer.advance(to: passage) == passage { total += clause.scorer.score() }
            case .mustNot:
                break
            }
        }
        return total
    }

    func blockBound(at target: PassageNumber) -> (bound: Double, through: PassageNumber) {
        var bound = 0.0
        var through = PassageNumber.end
        for clause in clauses where clause.occur != .mustNot {
            let block = clause.scorer.blockBound(at: target)
            bound += block.bound
            through = min(through, block.through)
        }
        return (bound, through)
    }
}
