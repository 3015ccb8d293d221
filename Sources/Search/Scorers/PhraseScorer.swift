import Index

/// Scores a phrase over its fields like a term, with the phrase's frequency in each field.
///
/// Positions are read only for passages whose block bound can still reach the minimum
/// competitive score (when top-k has set one): phrases of common words mostly skip the
/// costly check.
final class PhraseScorer: Scorer {
    private let context: ScoringContext
    private let weight: Double
    private let matchers: [FieldPhraseMatcher]
    private(set) var passage: PassageNumber = PassageNumber(rawValue: 0)
    private var minimumCompetitive = -Double.infinity
    let maxScore: Double
    let cost: Int

    /// `nil` when the phrase cannot occur in this segment.
    init?(_ clause: PhraseClause, context: ScoringContext) {
        let matchers = clause.fields.compactMap { FieldPhraseMatcher(clause, field: $0, terms: context.terms) }
        guard !matchers.isEmpty else { return nil }
        self.context = context
        self.matchers = matchers
        weight = clause.weight
        // A phrase occurs no more often than its rarest term: bound tf' by the smallest
        // term bound.
        var bound = Double.infinity
        var cost = Int.max
        for term in clause.terms.indices {
            var termBound = 0.0
            var termCost = 0
            for matcher in matchers {
                let statistics = matcher.cursors[term].statistics
                termBound += context.bm25.maxNormalizedFrequency(statistics.impacts, field: matcher.field)
                termCost += statistics.documentFrequency
            }
            bound = min(bound, termBound)
            cost = min(cost, termCost)
        }
        self.cost = cost
        maxScore = weight * context.bm25.saturate(bound)
        find(from: PassageNumber(rawValue: 0))
    }

    @discardableResult
    func advance(to target: PassageNumber) -> PassageNumber {
        if target > passage { find(from: target) }
        return passage
    }

    func setMinimumCompetitive(_ score: Double) {
        minimumCompetitive = score
    }

    /// The first passage at or after `target` where some field holds the phrase, skipping
    /// runs of proposals whose block bound cannot beat `minimumCompetitive`.
    private func find(from target: PassageNumber) {
        var target = target
        var window: (bound: Double, through: PassageNumber)?
        while true {
            var proposal = PassageNumber.end
            for matcher in matchers {
                matcher.propose(from: target)
                proposal = min(proposal, matcher.proposal)
            }
            guard proposal != .end else { break }
            if minimumCompetitive > -.infinity {
                if window.map({ proposal > $0.through }) ?? true {
                    window = blockBound(at: proposal)
                }
                if let block = window, !TopKCollector.admits(bound: block.bound, threshold: minimumCompetitive) {
                    target = block.through.successor
                    continue
                }
            }
            var found = false
            for matcher in matchers where matcher.proposal == proposal && matcher.verify() > 0 {
                found = true
            }
            if found {
                passage = proposal
                return
            }
            target = proposal.successor
        }
        passage = .end
    }

    func score() -> Double {
        var frequency = 0.0
        for matcher in matchers where matcher.matches(passage) {
            frequency += context.normalizedFrequency(matcher.frequency, of: passage, field: matcher.field)
        }
        return weight * context.bm25.saturate(frequency)
    }

    /// The fields' bounds (`FieldPhraseMatcher.blockBound`) added over the run their blocks
    /// cover. A field whose next proposal lies past the run adds nothing (evaluation only
    /// moves forward) and need not be looked at, which spares the title's and headings'
    /// blocks through most runs; only fields with a proposal inside the run narrow it.
    func blockBound(at target: PassageNumber) -> (bound: Double, through: PassageNumber) {
        var through = PassageNumber.end
        var looked = 0 as UInt64
        var narrowed = true
        while narrowed {
            narrowed = false
            for (index, matcher) in matchers.enumerated() where looked & (1 << index) == 0 && matcher.proposal <= through {
                looked |= 1 << index
                narrowed = true
                through = min(through, matcher.blockBound(at: target, bm25: context.bm25))
            }
        }
        var frequency = 0.0
        for (index, matcher) in matchers.enumerated() where looked & (1 << index) != 0 && matcher.proposal <= through {
            frequency += matcher.lastBlockBound
        }
        return (weight * context.bm25.saturate(frequency), max(through, target))
    }
}
