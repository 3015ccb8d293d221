import Index

/// An iterator over the passages a plan node matches, in increasing order, able to score
/// the current one and to bound what it could score.
///
/// Like a posting cursor, a scorer starts on its first match and only moves forward.
protocol Scorer: AnyObject {
    /// The passage the scorer stands on, or `.end`.
    var passage: PassageNumber { get }

    /// Moves to the first match at or after `target`; stays put when already there.
    @discardableResult
    func advance(to target: PassageNumber) -> PassageNumber

    /// The score of the current passage.
    func score() -> Double

    /// No passage scores higher.
    var maxScore: Double { get }

    /// A bound on the score of every passage in `target...through`, from block metadata,
    /// without moving (`through` is at least `target`).
    func blockBound(at target: PassageNumber) -> (bound: Double, through: PassageNumber)

    /// Roughly how many passages the scorer visits, to order conjunctions cheapest first.
    var cost: Int { get }

    /// Tells the scorer that passages scoring no more than `score` are of no interest, so
    /// it may skip them (only set on a scorer whose score is the whole passage score).
    func setMinimumCompetitive(_ score: Double)

    /// Whether `setMinimumCompetitive` lets the scorer skip passages (a phrase skips
    /// verifying positions in blocks that cannot compete): a lone such clause is then
    /// evaluated passage by passage, telling it the threshold after every hit.
    var skipsUncompetitive: Bool { get }

    /// Scores every match from where the scorer stands through `high` into `window` as
    /// clause `clause` (the window starts at `low`), and returns where the scorer then
    /// stands: past `high`. A match scoring below `floor` is left out: the evaluator passes
    /// a finite floor only when this clause is the window's one essential clause and no
    /// score below it could become a hit (`TopKCollector.floor`), sparing the window
    /// recording such a match and the drain visiting it.
    func scoreRun(
        into window: ScoreWindow, clause: Int, from low: PassageNumber, through high: PassageNumber,
        floor: Double
    ) -> PassageNumber
}

extension Scorer {
    func setMinimumCompetitive(_ score: Double) {}

    var skipsUncompetitive: Bool { false }

    @inline(__always)
    func scoreRun(
        into window: ScoreWindow, clause: Int, from low: PassageNumber, through high: PassageNumber,
        floor: Double
    ) -> PassageNumber {
        var passage = self.passage
        while passage <= high {
            let score = score()
            if score >= floor {
                window.add(clause: clause, offset: Int(passage.rawValue &- low.rawValue), score: score)
            }
            passage = advance(to: passage.successor)
        }
        return passage
    }
}
