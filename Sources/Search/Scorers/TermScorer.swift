import Index

/// Scores one term over its fields: the fields' cursors advance together and BM25F adds
/// their normalised frequencies before saturating.
///
/// Generic over the source's cursor type, so the on-disk cursor's calls are direct and
/// inlined in the per-candidate loops. Where the scorer is reached through `any Scorer`
/// (a query mixing kinds of clauses), its generic methods would run unspecialised:
/// `@_specialize` gives them a fast path for the on-disk cursor that they dispatch to.
final class TermScorer<Cursor: PostingCursor>: Scorer {
    private let bm25: BM25F
    private let weight: Double
    /// Per field, in the clause's field order (the order frequencies are added in).
    private let cursors: [Cursor]
    /// What the per-candidate loops read for each field, beside `cursors`: plain values
    /// in a raw buffer this object owns (freed in `deinit`), so reading them copies no
    /// reference and pays no array uniqueness check.
    private let fields: UnsafeMutableBufferPointer<FieldState<Cursor>>
    private(set) var passage: PassageNumber
    let maxScore: Double
    let cost: Int
    /// For `blockBound`: whether every field has a block yet, the first of their blocks'
    /// last passages, and the bound last returned with the fields it added (a bit per
    /// field). Asked once per window for every clause, most often while no block changed
    /// and the same fields stand in the run.
    private var hasBlocks = false
    private var blocksThrough = PassageNumber.end
    private var boundFields = UInt.max
    private var bound = 0.0

    /// `nil` when the term has no postings in this segment.
    init?<Terms: SegmentTerms>(_ clause: TermClause, terms: Terms, context: ScoringContext) where Terms.Source.Cursor == Cursor {
        var cursors: [Cursor] = []
        var fields: [FieldState<Cursor>] = []
        // Reserved: growing from empty reallocated both arrays for a term's second field.
        cursors.reserveCapacity(clause.fields.count)
        fields.reserveCapacity(clause.fields.count)
        var bound = 0.0
        var cost = 0
        for field in clause.fields {
            let name = context.fields[field]
            guard let cursor = terms.postings(of: clause.term, in: name) else { continue }
            let statistics = cursor.statistics
            let scoring = context.bm25.fields[field]
            cursors.append(cursor)
            fields.append(FieldState(
                cursor: Unretained(cursor), scoring: scoring, norms: terms.source.norms(name), passage: cursor.passage))
            bound += scoring.maxNormalizedFrequency(statistics.impacts)
            cost += statistics.documentFrequency
        }
        guard !fields.isEmpty else { return nil }
        bm25 = context.bm25
        self.cursors = cursors
        self.fields = .allocate(capacity: fields.count)
        _ = self.fields.initialize(from: fields)
        self.cost = cost
        weight = clause.weight
        maxScore = clause.weight * context.bm25.saturate(bound)
        passage = fields.map(\.passage).min() ?? .end
    }

    deinit {
        fields.deallocate()
    }

    /// Moves only the fields standing before `target`: a cursor call costs (a dynamic call
    /// outside the specialised evaluator), and most candidates come from one field while the
    /// others wait further on.
    @discardableResult
    @_specialize(where Cursor == SegmentPostingCursor)
    func advance(to target: PassageNumber) -> PassageNumber {
        guard target > passage else { return passage }
        var lowest = PassageNumber.end
        for index in fields.indices {
            if fields[index].passage < target {
                fields[index].passage = fields[index].cursor.with { $0.advance(to: target) }
            }
            lowest = min(lowest, fields[index].passage)
        }
        passage = lowest
        return passage
    }

    @_specialize(where Cursor == SegmentPostingCursor)
    func score() -> Double {
        var frequency = 0.0
        for index in fields.indices where fields[index].passage == passage {
            frequency += fields[index].scoring.normalizedFrequency(
                fields[index].cursor.with { $0.frequency }, length: fields[index].norms[Int(passage.rawValue)])
        }
        return weight * bm25.saturate(frequency)
    }

    /// Field by field rather than passage by passage: each field's postings in the window
    /// are added up per passage, then saturated once per passage. The fields are added in
    /// the same order as `score()` adds them, so the scores are bit-identical. When only one
    /// field has postings in the window (the text, mostly), its postings are scored at once.
    @_specialize(where Cursor == SegmentPostingCursor)
    func scoreRun(
        into window: ScoreWindow, clause: Int, from low: PassageNumber, through high: PassageNumber,
        floor: Double
    ) -> PassageNumber {
        var present = 0
        for index in fields.indices where fields[index].passage <= high {
            present += 1
        }
        // Compared before saturating: most postings fall below a floor and skip the division.
        let frequencyFloor = floor == -.infinity ? -.infinity : bm25.frequencyFloor(score: floor, weight: weight)
        var lowest = PassageNumber.end
        for index in fields.indices {
            let field = fields[index]
            if field.passage <= high {
                fields[index].passage = field.cursor.with { cursor in
                    cursor.scan(through: high) { passage, frequency in
                        let normalized = field.scoring.normalizedFrequency(frequency, length: field.norms[Int(passage.rawValue)])
                        let offset = Int(passage.rawValue &- low.rawValue)
                        if present == 1 {
                            if normalized >= frequencyFloor {
                                window.add(clause: clause, offset: offset, score: weight * bm25.saturate(normalized))
                            }
                        } else {
                            window.addFrequency(offset: offset, normalized)
                        }
                    }
                }
            }
            lowest = min(lowest, fields[index].passage)
        }
        if present > 1 {
            window.drainFrequencies(count: Int(high.rawValue &- low.rawValue) + 1) { offset, frequency in
                if frequency >= frequencyFloor {
                    window.add(clause: clause, offset: offset, score: weight * bm25.saturate(frequency))
                }
            }
        }
        passage = lowest
        return lowest
    }

    /// The fields' block bounds added over the run all their blocks cover. A field whose
    /// next posting lies past that run adds nothing: evaluation only moves forward, so a
    /// cursor standing on `p` has no posting between `target` and `p` (with a title weighing
    /// double, leaving out the title's bound where the title lacks the word matters).
    @_specialize(where Cursor == SegmentPostingCursor)
    func blockBound(at target: PassageNumber) -> (bound: Double, through: PassageNumber) {
        if !hasBlocks || target > blocksThrough {
            var through = PassageNumber.end
            for index in fields.indices where !fields[index].hasBlock || target > fields[index].blockLast {
                // A field's block often outlasts the run (another field's or clause's block
                // ends it first): targets only grow, so while they stay inside it (its last
                // posting is at or after them), it is the block asked for and its bound stands.
                let block = fields[index].cursor.with { $0.block(containing: target) }
                if !fields[index].hasBlock || block.lastPassage != fields[index].blockLast {
                    fields[index].blockLast = block.lastPassage
                    fields[index].blockBound = fields[index].scoring.maxNormalizedFrequency(block.impacts)
                    fields[index].hasBlock = true
                    boundFields = .max
                }
            }
            for index in fields.indices {
                through = min(through, fields[index].blockLast)
            }
            hasBlocks = true
            blocksThrough = through
        }
        var present: UInt = 0
        for index in fields.indices where fields[index].passage <= blocksThrough {
            present |= 1 &<< UInt(index)
        }
        if present != boundFields {
            var frequency = 0.0
            for index in fields.indices where present & (1 &<< UInt(index)) != 0 {
                frequency += fields[index].blockBound
            }
            bound = weight * bm25.saturate(frequency)
            boundFields = present
        }
        return (bound, max(blocksThrough, target))
    }
}

/// One field of a term as the scorer tracks it: plain values only.
private struct FieldState<Cursor: PostingCursor> {
    /// The field's cursor, owned by `TermScorer.cursors`.
    let cursor: Unretained<Cursor>
    let scoring: FieldScoring
    let norms: NormsView
    /// Where the field's cursor stands, mirrored so it is asked only to move or score.
    var passage: PassageNumber
    /// The last passage of the block `blockBound` last looked at (once it has), and the
    /// block's bound on w_f · tf / B_f.
    var hasBlock = false
    var blockLast = PassageNumber.end
    var blockBound = 0.0
}
