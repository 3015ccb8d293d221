import Index

/// Scores one term over its fields: the fields' cursors advance together and BM25F adds
/// their normalised frequencies before saturating.
final class TermScorer: Scorer {
    private let context: ScoringContext
    private let weight: Double
    /// In the clause's field order, which is the order frequencies are added in.
    private let cursors: [(field: Int, cursor: any PostingCursor)]
    private(set) var passage: PassageNumber
    let maxScore: Double
    let cost: Int

    /// `nil` when the term has no postings in this segment.
    init?(_ clause: TermClause, context: ScoringContext) {
        var cursors: [(field: Int, cursor: any PostingCursor)] = []
        var bound = 0.0
        var cost = 0
        for field in clause.fields {
            let name = context.fields[field]
            guard let cursor = context.source.postings(of: clause.term, in: name) else { continue }
            let statistics = cursor.statistics
            cursors.append((field, cursor))
            bound += context.bm25.maxNormalizedFrequency(statistics.impacts, field: field)
            cost += statistics.documentFrequency
        }
        guard !cursors.isEmpty else { return nil }
        self.context = context
        self.cursors = cursors
        self.cost = cost
        weight = clause.weight
        maxScore = clause.weight * context.bm25.saturate(bound)
        passage = cursors.map(\.cursor.passage).min() ?? .end
    }

    @discardableResult
    func advance(to target: PassageNumber) -> PassageNumber {
        guard target > passage else { return passage }
        if cursors.count == 1 {
            passage = cursors[0].cursor.advance(to: target)
            return passage
        }
        var lowest = PassageNumber.end
        for entry in cursors {
            lowest = min(lowest, entry.cursor.advance(to: target))
        }
        passage = lowest
        return passage
    }

    func score() -> Double {
        var frequency = 0.0
        for entry in cursors where entry.cursor.passage == passage {
            frequency += context.normalizedFrequency(entry.cursor.frequency, of: passage, field: entry.field)
        }
        return weight * context.bm25.saturate(frequency)
    }

    /// The fields' block bounds added over the run all their blocks cover. A field whose
    /// next posting lies past that run adds nothing: evaluation only moves forward, so a
    /// cursor standing on `p` has no posting between `target` and `p` (with a title weighing
    /// double, leaving out the title's bound where the title lacks the word matters).
    func blockBound(at target: PassageNumber) -> (bound: Double, through: PassageNumber) {
        var through = PassageNumber.end
        for entry in cursors {
            through = min(through, entry.cursor.block(containing: target).lastPassage)
        }
        var frequency = 0.0
        for entry in cursors where entry.cursor.passage <= through {
            frequency += context.bm25.maxNormalizedFrequency(
                entry.cursor.block(containing: target).impacts, field: entry.field)
        }
        return (weight * context.bm25.saturate(frequency), max(through, target))
    }
}
