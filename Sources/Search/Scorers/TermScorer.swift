import Index

/// Scores one term over its fields: the fields' cursors advance together and BM25F adds
/// their normalised frequencies before saturating.
final class TermScorer: Scorer {
    private let bm25: BM25F
    private let weight: Double
    /// In the clause's field order, which is the order frequencies are added in. A raw
    /// buffer this object owns (freed in `deinit`), so the per-candidate loops update each
    /// field's position in place without array uniqueness checks.
    private let fields: UnsafeMutableBufferPointer<FieldCursor>
    private(set) var passage: PassageNumber
    let maxScore: Double
    let cost: Int

    /// `nil` when the term has no postings in this segment.
    init?(_ clause: TermClause, context: ScoringContext) {
        var fields: [FieldCursor] = []
        var cost = 0
        for field in clause.fields {
            let name = context.fields[field]
            guard let cursor = context.source.postings(of: clause.term, in: name) else { continue }
            let statistics = cursor.statistics
            fields.append(FieldCursor(
                field: field, cursor: cursor, norms: context.source.norms(name), passage: cursor.passage,
                bound: context.bm25.maxNormalizedFrequency(statistics.impacts, field: field)))
            cost += statistics.documentFrequency
        }
        guard !fields.isEmpty else { return nil }
        bm25 = context.bm25
        self.fields = .allocate(capacity: fields.count)
        _ = self.fields.initialize(from: fields)
        self.cost = cost
        weight = clause.weight
        maxScore = clause.weight * context.bm25.saturate(fields.reduce(0) { $0 + $1.bound })
        passage = fields.map(\.passage).min() ?? .end
    }

    deinit {
        fields.deinitialize()
        fields.deallocate()
    }

    /// Moves only the fields standing before `target`: each cursor call is a dynamic call,
    /// and most candidates come from one field while the others wait further on.
    @discardableResult
    func advance(to target: PassageNumber) -> PassageNumber {
        guard target > passage else { return passage }
        var lowest = PassageNumber.end
        for index in fields.indices {
            if fields[index].passage < target {
                fields[index].passage = fields[index].cursor.advance(to: target)
            }
            lowest = min(lowest, fields[index].passage)
        }
        passage = lowest
        return passage
    }

    func score() -> Double {
        var frequency = 0.0
        for index in fields.indices where fields[index].passage == passage {
            frequency += bm25.normalizedFrequency(
                fields[index].cursor.frequency, length: fields[index].norms[Int(passage.rawValue)],
                field: fields[index].field)
        }
        return weight * bm25.saturate(frequency)
    }

    /// The fields' block bounds added over the run all their blocks cover. A field whose
    /// next posting lies past that run adds nothing: evaluation only moves forward, so a
    /// cursor standing on `p` has no posting between `target` and `p` (with a title weighing
    /// double, leaving out the title's bound where the title lacks the word matters).
    func blockBound(at target: PassageNumber) -> (bound: Double, through: PassageNumber) {
        var through = PassageNumber.end
        for field in fields {
            through = min(through, field.cursor.block(containing: target).lastPassage)
        }
        var frequency = 0.0
        for field in fields where field.passage <= through {
            frequency += bm25.maxNormalizedFrequency(field.cursor.block(containing: target).impacts, field: field.field)
        }
        return (weight * bm25.saturate(frequency), max(through, target))
    }
}

/// One field's cursor of a term, with the field's norms resolved once and the cursor's
/// passage mirrored, so a scorer asks the cursor only when it must move or score.
private struct FieldCursor {
    let field: Int
    let cursor: any PostingCursor
    let norms: NormsView
    var passage: PassageNumber
    /// The list-wide bound on w_f · tf / B_f.
    let bound: Double
}
