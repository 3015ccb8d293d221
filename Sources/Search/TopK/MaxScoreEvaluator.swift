import Index

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
/// Without required clauses, that happens a window at a time (Lucene's
/// `MaxScoreBulkScorer`): the clauses essential in a window score all their postings in it
/// into a `ScoreWindow`, one clause after the other, and its candidates are then completed
/// in passage order; a lone phrase, which skips positions by the threshold itself, runs
/// passage by passage. With required clauses, candidates come from their conjunction and
/// the optional clauses only add, with the same bound checks.
///
/// A surviving candidate's score is the sum of its clauses' scores in query order, so it is
/// bit-identical to exhaustive evaluation; skipping relies only on bounds (with a margin
/// for rounding), so the result is exactly the exhaustive one.
///
/// Generic over the optional clauses' scorer type so that the common query, a few plain
/// words, runs with `TermScorer` known statically: its calls are then direct and inlined
/// instead of dynamic calls that retain and release the scorer for every candidate. Other
/// queries run with `AnyScorer`.
final class MaxScoreEvaluator<Clause: Scorer> {
    private let parts: BooleanParts
    private let source: any PostingSource
    /// Whether any passage needs the deletion check, and whether any filter or exclusion
    /// applies: asked once here, not per candidate.
    private let hasDeletions: Bool
    private let hasConditions: Bool
    private let segment: Int
    /// Optional clauses, weakest bound first, with running sums of their bounds; the loops
    /// reach them unretained through `optional`, a raw buffer freed in `deinit`.
    private let optionalScorers: [Clause]
    private let optional: UnsafeMutableBufferPointer<Unretained<Clause>>
    private let optionalClauses: [Int]
    private let optionalSums: [Double]
    /// Per clause: its score at the passage in `scoredAt` (a stamp, so nothing is reset).
    /// Raw buffers owned by this object (freed in `deinit`): written once per scored clause
    /// on the hot path, where an array property would pay exclusivity and uniqueness checks.
    private let scores: UnsafeMutableBufferPointer<Double>
    private let scoredAt: UnsafeMutableBufferPointer<PassageNumber>
    /// Where each optional clause stands, mirrored after every move: the candidate loops
    /// read it for every clause on every candidate, and asking the scorer is a dynamic call.
    private let standing: UnsafeMutableBufferPointer<PassageNumber>
    /// The collector's threshold, copied after every offer (reading it through the
    /// `inout` collector on every candidate would copy the collector).
    private var threshold = -Double.infinity
    /// Candidates that passed the block bounds and the filters and were scored (in part).
    private(set) var passagesScored = 0
    /// The block window: every passage in `...windowThrough` (from where it was computed)
    /// scores at most `windowBound`, and optional clauses `0...i` together at most
    /// `windowSums[i]` (block-max bounds, tighter than `optionalSums` inside the window).
    private var windowThrough: PassageNumber?
    private var windowBound = Double.infinity
    private let windowSums: UnsafeMutableBufferPointer<Double>
    /// `min(optionalSums[i], windowSums[i])`, what candidates inside the window are checked
    /// against, kept beside them so that a check reads one value.
    private let windowRest: UnsafeMutableBufferPointer<Double>
    /// The searcher's scratch for scoring windows (see `ScoreWindow`).
    private let window: ScoreWindow

    /// `nil` when an optional clause's scorer is not a `Clause`.
    init?(
        parts: BooleanParts, source: any PostingSource, segment: Int, window: ScoreWindow, as clause: (any Scorer) -> Clause?
    ) {
        self.parts = parts
        self.window = window
        self.source = source
        hasDeletions = source.hasDeletions
        hasConditions = parts.filter != nil || !parts.mustNot.isEmpty
        self.segment = segment
        let order = parts.shouldIndices.sorted { parts.clauses[$0].scorer.maxScore < parts.clauses[$1].scorer.maxScore }
        optionalClauses = order
        var optional: [Clause] = []
        for index in order {
            guard let scorer = clause(parts.clauses[index].scorer) else { return nil }
            optional.append(scorer)
        }
        optionalScorers = optional
        self.optional = .allocate(capacity: optional.count)
        _ = self.optional.initialize(from: optional.map { Unretained($0) })
        var sum = 0.0
        optionalSums = optional.map { scorer in
            sum += scorer.maxScore
            return sum
        }
        scores = .allocate(capacity: parts.clauses.count)
        scores.initialize(repeating: 0)
        scoredAt = .allocate(capacity: parts.clauses.count)
        scoredAt.initialize(repeating: .end)
        windowSums = .allocate(capacity: max(optional.count, 1))
        windowSums.initialize(repeating: .infinity)
        windowRest = .allocate(capacity: max(optional.count, 1))
        windowRest.initialize(repeating: .infinity)
        standing = .allocate(capacity: max(optional.count, 1))
        standing.initialize(repeating: .end)
        for (index, scorer) in optional.enumerated() { standing[index] = scorer.passage }
    }

    deinit {
        optional.deinitialize().deallocate()
        scores.deallocate()
        scoredAt.deallocate()
        windowSums.deallocate()
        windowRest.deallocate()
        standing.deallocate()
    }

    /// Moves optional clause `index` to `target` (if it stands before it) and returns where
    /// it stands.
    @inline(__always)
    @discardableResult
    private func advanceOptional(_ index: Int, to target: PassageNumber) -> PassageNumber {
        if standing[index] < target { standing[index] = optional[index].with { $0.advance(to: target) } }
        return standing[index]
    }

    func collect(into collector: inout TopKCollector) {
        threshold = collector.threshold
        if parts.must.isEmpty, optional.count == 1, optionalScorers[0].skipsUncompetitive {
            single(into: &collector)
        } else if parts.must.isEmpty {
            disjunctive(into: &collector)
        } else {
            conjunctive(into: &collector)
        }
    }

    /// Whether `candidate` may beat the collector's threshold according to block bounds;
    /// when not, `windowThrough` is the last passage that may be skipped.
    private func windowAdmits(_ candidate: PassageNumber) -> Bool {
        guard threshold > -.infinity else { return true }
        updateWindow(at: candidate)
        return TopKCollector.admits(bound: windowBound, threshold: threshold)
    }

    /// Adds up the clauses' block bounds at `candidate` unless the current window covers it.
    /// They are computed once per run of passages and reused while candidates stay in it
    /// (they only move forward, and the threshold only rises, so a run once refused stays
    /// refused).
    private func updateWindow(at candidate: PassageNumber) {
        guard windowThrough.map({ candidate > $0 }) ?? true else { return }
        var through = PassageNumber.end
        var bound = 0.0
        for scorer in parts.must {
            let block = scorer.blockBound(at: candidate)
            bound += block.bound
            through = min(through, block.through)
        }
        for index in optional.indices {
            let block = optional[index].with { $0.blockBound(at: candidate) }
            bound += block.bound
            windowSums[index] = (index == 0 ? 0 : windowSums[index - 1]) + block.bound
            windowRest[index] = min(optionalSums[index], windowSums[index])
            through = min(through, block.through)
        }
        windowBound = bound
        windowThrough = through
    }

    @inline(__always)
    private func score<S: Scorer>(clause: Int, of scorer: S, at candidate: PassageNumber) -> Double {
        let score = scorer.score()
        scores[clause] = score
        scoredAt[clause] = candidate
        return score
    }

    /// One optional clause that skips uncompetitive passages itself (a phrase): MaxScore has
    /// nothing to partition, only block skipping is left, and the scorer is told the
    /// threshold after every hit. (A lone word goes through the windows: scoring a run of
    /// its postings field by field costs less than advancing its fields together.)
    private func single(into collector: inout TopKCollector) {
        let scorer = optionalScorers[0]
        let clause = optionalClauses[0]
        var candidate = scorer.passage
        while candidate != .end, TopKCollector.admits(bound: scorer.maxScore, threshold: threshold) {
            if !windowAdmits(candidate) {
                candidate = scorer.advance(to: (windowThrough ?? candidate).successor)
                continue
            }
            if admitsPassage(candidate) {
                passagesScored += 1
                _ = score(clause: clause, of: scorer, at: candidate)
                offer(candidate, into: &collector)
                scorer.setMinimumCompetitive(threshold)
            }
            candidate = scorer.advance(to: candidate.successor)
        }
    }

    /// Several optional clauses: a window of passages at a time (at most `ScoreWindow.width`,
    /// inside one block of every clause), the clauses essential there scored one after the
    /// other into the window, then its candidates completed in passage order.
    private func disjunctive(into collector: inout TopKCollector) {
        window.prepare(clauses: optional.count)
        var from = PassageNumber(rawValue: 0)
        while true {
            let essential = firstEssential()
            var low = PassageNumber.end
            for index in essential..<optional.count {
                low = min(low, advanceOptional(index, to: from))
            }
            guard low != .end else { return }
            updateWindow(at: low)
            let through = windowThrough ?? .end
            let high = PassageNumber(rawValue: UInt32(min(
                UInt64(through.rawValue), UInt64(low.rawValue) + UInt64(ScoreWindow.width - 1))))
            from = high.successor
            guard TopKCollector.admits(bound: windowBound, threshold: threshold) else { continue }
            // Block-max MaxScore: inside the window, clauses whose block bounds together
            // cannot reach the threshold produce no candidates either.
            let local = windowEssential(from: essential)
            let rest = local == 0 ? 0 : windowRest[local - 1]
            // A lone essential clause's score is a candidate's whole partial sum, so the drain's
            // check below can be made as it scores.
            let floor = local == optional.count - 1 ? TopKCollector.floor(rest: rest, threshold: threshold) : -.infinity
            window.begin()
            for index in local..<optional.count {
                advanceOptional(index, to: low)
                standing[index] = optional[index].with {
                    $0.scoreRun(into: window, clause: index, from: low, through: high, floor: floor)
                }
            }
            window.drain(count: Int(high.rawValue &- low.rawValue) + 1) { offset, partial in
                guard TopKCollector.admits(bound: partial + rest, threshold: threshold) else { return }
                let candidate = PassageNumber(rawValue: low.rawValue &+ UInt32(offset))
                guard admitsPassage(candidate) else { return }
                passagesScored += 1
                guard completes(candidate, partial: partial, scoring: local) else { return }
                for index in local..<optional.count {
                    guard let score = window.score(clause: index, offset: offset) else { continue }
                    scores[optionalClauses[index]] = score
                    scoredAt[optionalClauses[index]] = candidate
                }
                offer(candidate, into: &collector)
            }
        }
    }

    private func conjunctive(into collector: inout TopKCollector) {
        let bound = parts.must.reduce(0) { $0 + $1.maxScore } + (optionalSums.last ?? 0)
        var candidate = parts.conjunction(from: PassageNumber(rawValue: 0))
        while candidate != .end {
            guard TopKCollector.admits(bound: bound, threshold: threshold) else { return }
            if !windowAdmits(candidate) {
                candidate = parts.conjunction(from: (windowThrough ?? candidate).successor)
                continue
            }
            if admitsPassage(candidate) {
                passagesScored += 1
                var partial = 0.0
                for (index, scorer) in zip(parts.mustIndices, parts.must) {
                    partial += score(clause: index, of: scorer, at: candidate)
                }
                if completes(candidate, partial: partial, scoring: optional.count) {
                    offer(candidate, into: &collector)
                }
            }
            candidate = parts.conjunction(from: candidate.successor)
        }
    }

    /// Adds optional clauses `0..<count` strongest first, giving up as soon as the bound of
    /// what is left cannot lift the candidate over the threshold; `true` if it still can.
    /// The window covers the candidate whenever the threshold is finite (both callers update
    /// it first), so the bounds are the window's.
    private func completes(_ candidate: PassageNumber, partial: Double, scoring count: Int) -> Bool {
        var partial = partial
        var index = count - 1
        while index >= 0 {
            guard TopKCollector.admits(bound: partial + windowRest[index], threshold: threshold) else {
                return false
            }
            if advanceOptional(index, to: candidate) == candidate {
                partial += optional[index].with { score(clause: optionalClauses[index], of: $0, at: candidate) }
            }
            index -= 1
        }
        return TopKCollector.admits(bound: partial, threshold: threshold)
    }

    private func admitsPassage(_ passage: PassageNumber) -> Bool {
        (!hasDeletions || !source.isDeleted(passage)) && (!hasConditions || parts.admits(passage))
    }

    /// Adds the clause scores in query order (bit-identical to exhaustive evaluation) and
    /// offers the hit.
    private func offer(_ candidate: PassageNumber, into collector: inout TopKCollector) {
        var total = 0.0
        for index in parts.clauses.indices where scoredAt[index] == candidate && parts.clauses[index].occur != .mustNot {
            total += scores[index]
        }
        guard collector.competes(total) else { return }
        collector.offer(
            SearchHit(segment: segment, passage: candidate, document: source.document(of: candidate), score: total))
        threshold = collector.threshold
    }

    /// Like `firstEssential`, inside the current window by its block bounds (never below
    /// `essential`); `essential` when there is no window.
    private func windowEssential(from essential: Int) -> Int {
        guard threshold > -.infinity, windowThrough != nil else { return essential }
        var index = essential
        while index < optional.count, !TopKCollector.admits(bound: windowSums[index], threshold: threshold) {
            index += 1
        }
        return index
    }

    /// Optional clauses below this index cannot reach the threshold together.
    private func firstEssential() -> Int {
        var index = 0
        while index < optional.count, !TopKCollector.admits(bound: optionalSums[index], threshold: threshold) {
            index += 1
        }
        return index
    }
}
