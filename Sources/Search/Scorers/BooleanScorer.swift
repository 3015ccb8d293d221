import Index

/// A nested boolean: a conjunction of `must` clauses (or a disjunction of `should`
/// clauses when there is none), minus `mustNot` matches, within the filters.
///
/// Top-k evaluation does not use this at the root, where MaxScore drives the clauses
/// itself; here it serves groups inside a query and exhaustive evaluation.
final class BooleanScorer: Scorer {
    let parts: BooleanParts
    private(set) var passage: PassageNumber = .end
    let maxScore: Double
    let cost: Int

    init(_ parts: BooleanParts) {
        self.parts = parts
        maxScore = parts.clauses.reduce(0) { $1.occur == .mustNot ? $0 : $0 + $1.scorer.maxScore }
        cost = parts.must.isEmpty ? parts.should.reduce(0) { $0 + $1.cost } : (parts.must.map(\.cost).min() ?? 0)
        find(from: PassageNumber(rawValue: 0))
    }

    @discardableResult
    func advance(to target: PassageNumber) -> PassageNumber {
        if target > passage { find(from: target) }
        return passage
    }

    private func find(from target: PassageNumber) {
        var candidate = target
        while true {
            candidate = parts.must.isEmpty ? disjunction(from: candidate) : parts.conjunction(from: candidate)
            if candidate == .end || parts.admits(candidate) { break }
            candidate = candidate.successor
        }
        passage = candidate
    }

    private func disjunction(from target: PassageNumber) -> PassageNumber {
        var lowest = PassageNumber.end
        for scorer in parts.should {
            lowest = min(lowest, scorer.advance(to: target))
        }
        return lowest
    }

    func score() -> Double {
        parts.score(at: passage)
    }

    func blockBound(at target: PassageNumber) -> (bound: Double, through: PassageNumber) {
        parts.blockBound(at: target)
    }
}
