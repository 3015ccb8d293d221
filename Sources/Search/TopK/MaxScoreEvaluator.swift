/// Exact top-k with MaxScore and block-max skipping over the root clauses.
///
/// Without required clauses, the optional clauses are sorted by their score bound; the
/// weakest ones whose bounds together cannot reach the collector's threshold are
/// "non-essential": they never produce candidates, only add to candidates the essential
/// ones produce, and a candidate is dropped as soon as its score so far plus the bounds of
/// the clauses not yet scored cannot beat the threshold (Turtle & Flood's MaxScore).
/// Before a candidate is scored, the clauses' block bounds are added up; when they cannot
/// beat the threshold, the whole run of passages those blocks cover is skipped
/// (block-max, as in Ding & Suel's BMW and Lucene's impacts).
/// With required clauses, candidates come from their conjunction and the optional clauses
/// only add, with the same bound checks.
///
/// Every candidate that survives is scored in full, in query order, so its score is
/// bit-identical to exhaustive evaluation; skipping relies only on bounds, so the result is
/// exactly the exhaustive one.
struct MaxScoreEvaluator {
    private let parts: BooleanParts
    private let source: any PostingSource
    private let segment: Int
    /// Optional clauses, weakest bound first, with running sums of their bounds.
    private let optional: [any Scorer]
    private let optionalSums: [Double]

    init(parts: BooleanParts, source: any PostingSource, segment: Int) {
        self.parts = parts
        self.source = source
        self.segment = segment
        optional = parts.should.sorted { $0.maxScore < $1.maxScore }
        var sum = 0.0
        optionalSums = optional.map { scorer in
            sum += scorer.maxScore
            return sum
        }
    }

    func collect(into collector: inout TopKCollector) {
        if parts.must.isEmpty {
            disjunctive(into: &collector)
        } else {
            conjunctive(into: &collector)
        }
    }

    /// The bound of optional clauses `0..<count` together.
    @inline(__always)
    private func optionalBound(_ count: Int) -> Double {
        count == 0 ? 0 : optionalSums[count - 1]
    }

    private func disjunctive(into collector: inout TopKCollector) {
        var essential = firstEssential(collector)
        while essential < optional.count {
            var candidate = PassageNumber.end
            for index in essential..<optional.count {
                candidate = min(candidate, optional[index].passage)
            }
            guard candidate != .end else { return }
            if collector.hits.count == collector.limit {
                let block = parts.blockBound(at: candidate)
                if !collector.admits(bound: block.bound) {
                    let next = block.through.successor
                    for index in essential..<optional.count {
                        optional[index].advance(to: next)
                    }
                    continue
                }
            }
            if admitsPassage(candidate) {
                var partial = 0.0
                for index in essential..<optional.count where optional[index].passage == candidate {
                    partial += optional[index].score()
                }
                if completes(candidate, partial: partial, scoring: essential, collector: collector) {
                    offer(candidate, into: &collector)
                    essential = firstEssential(collector)
                }
            }
            let next = candidate.successor
            for index in essential..<optional.count where optional[index].passage == candidate {
                optional[index].advance(to: next)
            }
        }
    }

    private func conjunctive(into collector: inout TopKCollector) {
        let requiredBound = parts.must.reduce(0) { $0 + $1.maxScore }
        var candidate = parts.conjunction(from: PassageNumber(rawValue: 0))
        while candidate != .end {
            if collector.hits.count == collector.limit {
                guard collector.admits(bound: requiredBound + optionalBound(optional.count)) else { return }
                let block = parts.blockBound(at: candidate)
                if !collector.admits(bound: block.bound) {
                    candidate = parts.conjunction(from: block.through.successor)
                    continue
                }
            }
            if admitsPassage(candidate) {
                var partial = 0.0
                for scorer in parts.must {
                    partial += scorer.score()
                }
                if completes(candidate, partial: partial, scoring: optional.count, collector: collector) {
                    offer(candidate, into: &collector)
                }
            }
            candidate = parts.conjunction(from: candidate.successor)
        }
    }

    /// Adds optional clauses `0..<count` strongest first, giving up as soon as the bound of
    /// what is left cannot lift the candidate over the threshold; `true` if it still can.
    private func completes(
        _ candidate: PassageNumber, partial: Double, scoring count: Int, collector: TopKCollector
    ) -> Bool {
        var partial = partial
        var index = count - 1
        while index >= 0 {
            guard collector.admits(bound: partial + optionalBound(index + 1)) else { return false }
            let scorer = optional[index]
            if scorer.advance(to: candidate) == candidate {
                partial += scorer.score()
            }
            index -= 1
        }
        return collector.admits(bound: partial)
    }

    private func admitsPassage(_ passage: PassageNumber) -> Bool {
        (!source.hasDeletions || !source.isDeleted(passage)) && parts.admits(passage)
    }

    /// Scores in query order (bit-identical to exhaustive evaluation) and offers the hit.
    private func offer(_ candidate: PassageNumber, into collector: inout TopKCollector) {
        let score = parts.score(at: candidate)
        guard collector.competes(score) else { return }
        collector.offer(
            SearchHit(segment: segment, passage: candidate, document: source.document(of: candidate), score: score))
    }

    /// Optional clauses below this index cannot reach the threshold together.
    private func firstEssential(_ collector: TopKCollector) -> Int {
        guard collector.hits.count == collector.limit else { return 0 }
        var index = 0
        while index < optional.count, !collector.admits(bound: optionalSums[index]) {
            index += 1
        }
        return index
    }
}
