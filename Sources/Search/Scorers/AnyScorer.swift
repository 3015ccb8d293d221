import Index

/// Any scorer as one concrete type, for code generic over its scorers (`MaxScoreEvaluator`)
/// when a query mixes kinds of clauses: existentials do not conform to their protocol.
final class AnyScorer: Scorer {
    private let base: any Scorer

    init(_ base: any Scorer) {
        self.base = base
    }

    var passage: PassageNumber { base.passage }

    @discardableResult
    func advance(to target: PassageNumber) -> PassageNumber { base.advance(to: target) }

    func score() -> Double { base.score() }

    var maxScore: Double { base.maxScore }

    func blockBound(at target: PassageNumber) -> (bound: Double, through: PassageNumber) { base.blockBound(at: target) }

    var skipsUncompetitive: Bool { base.skipsUncompetitive }

    var cost: Int { base.cost }

    func setMinimumCompetitive(_ score: Double) { base.setMinimumCompetitive(score) }
}
