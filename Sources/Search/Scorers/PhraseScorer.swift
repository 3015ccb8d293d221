import Index

/// Scores a phrase over its fields like a term, with the phrase's frequency in each field.
///
/// Positions are read only for passages whose block bound can still reach the minimum
/// competitive score (when top-k has set one): phrases of common words mostly skip the
/// costly check.
///
/// Generic over the source's cursor type (see `FieldPhraseMatcher`); `Searcher` runs a
/// phrase alone with the evaluator specialised for the on-disk cursor. Beside other
/// clauses it is reached through `any Scorer`, where its generic methods would run
/// unspecialised (a quarter slower than the phrase scorer over existential cursors):
/// `@_specialize` gives them a fast path for the on-disk cursor that they dispatch to.
final class PhraseScorer<Cursor: PostingCursor>: Scorer {
    private let bm25: BM25F
    private let weight: Double
    /// Owns the fields' matchers; the loops reach them through `fields`.
    private let matchers: [FieldPhraseMatcher<Cursor>]
    /// The matchers again, unretained, in a raw buffer this object owns (freed in `deinit`):
    /// iterating `matchers` retained and released each one per proposal.
    private let fields: UnsafeMutableBufferPointer<Unretained<FieldPhraseMatcher<Cursor>>>
    private(set) var passage: PassageNumber = PassageNumber(rawValue: 0)
    private var minimumCompetitive = -Double.infinity
    let maxScore: Double
    let cost: Int

    /// `nil` when the phrase cannot occur in this segment.
    init?<Terms: SegmentTerms>(_ clause: PhraseClause, terms: Terms, context: ScoringContext) where Terms.Source.Cursor == Cursor {
        let matchers = clause.fields.compactMap { FieldPhraseMatcher(clause, field: $0, segment: terms) }
        guard !matchers.isEmpty else { return nil }
        bm25 = context.bm25
        self.matchers = matchers
        fields = .allocate(capacity: matchers.count)
        _ = fields.initialize(from: matchers.map { Unretained($0) })
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

    deinit {
        fields.deinitialize().deallocate()
    }

    @discardableResult
    @_specialize(where Cursor == SegmentPostingCursor)
    func advance(to target: PassageNumber) -> PassageNumber {
        if target > passage { find(from: target) }
        return passage
    }

    func setMinimumCompetitive(_ score: Double) {
        minimumCompetitive = score
    }

    var skipsUncompetitive: Bool { true }

    /// The first passage at or after `target` where some field holds the phrase, skipping
    /// runs of proposals whose block bound cannot beat `minimumCompetitive`.
    private func find(from target: PassageNumber) {
        var target = target
        var window: (bound: Double, through: PassageNumber)?
        while true {
            var proposal = PassageNumber.end
            for field in fields {
                proposal = min(proposal, field.with { matcher in
                    matcher.propose(from: target)
                    return matcher.proposal
                })
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
                if !TopKCollector.admits(bound: passageBound(at: proposal), threshold: minimumCompetitive) {
                    target = proposal.successor
                    continue
                }
            }
            var found = false
            for field in fields where field.with({ $0.proposal == proposal && $0.verify() > 0 }) {
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

    @_specialize(where Cursor == SegmentPostingCursor)
    func score() -> Double {
        weighted(at: passage) { $0.matches(passage) ? $0.frequency : 0 }
    }

    /// A bound on the phrase's score in `proposal` from its terms' frequencies there and the
    /// passage's field lengths, before any position is read. A phrase of common words is
    /// proposed at thousands of passages of blocks that can hold a competitive one, and
    /// most proposals fail against the threshold this way: they hold each word once, in a
    /// field longer than the kept hits' (`"specified value"` on the large tier: 10,311
    /// proposals, 669 phrases).
    @_specialize(where Cursor == SegmentPostingCursor)
    private func passageBound(at proposal: PassageNumber) -> Double {
        weighted(at: proposal) { $0.proposal == proposal ? $0.frequencyBound() : 0 }
    }

    /// The phrase's BM25F score in `passage` for the frequency each field's matcher gives
    /// (0 where the phrase is absent): what `score()` and `passageBound(at:)` share.
    @inline(__always)
    private func weighted(at passage: PassageNumber, _ frequency: (FieldPhraseMatcher<Cursor>) -> UInt32) -> Double {
        var normalized = 0.0
        for field in fields {
            normalized += field.with { matcher in
                let count = frequency(matcher)
                guard count > 0 else { return 0 }
                return bm25.normalizedFrequency(count, length: matcher.norms[Int(passage.rawValue)], field: matcher.field)
            }
        }
        return weight * bm25.saturate(normalized)
    }

    /// The fields' bounds (`FieldPhraseMatcher.blockBound`) added over the run their blocks
    /// cover. A field whose next proposal lies past the run adds nothing (evaluation only
    /// moves forward) and need not be looked at, which spares the title's and headings'
    /// blocks through most runs; only fields with a proposal inside the run narrow it.
    @_specialize(where Cursor == SegmentPostingCursor)
    func blockBound(at target: PassageNumber) -> (bound: Double, through: PassageNumber) {
        var through = PassageNumber.end
        var looked = 0 as UInt64
        var narrowed = true
        while narrowed {
            narrowed = false
            for (index, field) in fields.enumerated() where looked & (1 << index) == 0 {
                field.with { matcher in
                    guard matcher.proposal <= through else { return }
                    looked |= 1 << index
                    narrowed = true
                    through = min(through, matcher.blockBound(at: target, bm25: bm25))
                }
            }
        }
        var frequency = 0.0
        for (index, field) in fields.enumerated() where looked & (1 << index) != 0 {
            frequency += field.with { $0.proposal <= through ? $0.lastBlockBound : 0 }
        }
        return (weight * bm25.saturate(frequency), max(through, target))
    }
}
