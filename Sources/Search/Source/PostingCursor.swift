import Index

/// A forward-only cursor over one term's postings in one field, as top-k evaluation
/// needs it. The index's own cursor conforms in an extension; `InMemoryPostingCursor`
/// is the reference.
///
/// A cursor is positioned on its first posting when created, moves only forward, and
/// stands at `PassageNumber.end` once exhausted. It is a class-bound protocol so that
/// evaluation holds cursors by reference without copying decoded blocks.
public protocol PostingCursor: AnyObject {
    /// The passage the cursor stands on, or `.end`.
    var passage: PassageNumber { get }

    /// Moves to the first posting at or after `target` (staying put when already there)
    /// and returns where it stands.
    @discardableResult
    func advance(to target: PassageNumber) -> PassageNumber

    /// Occurrences of the term in the current passage's field (≥ 1 while not at `.end`).
    var frequency: UInt32 { get }

    /// How many positions the term has in the current passage's field (its frequency, also
    /// while frequencies are deferred): the room `positions(writingTo:)` needs.
    func countPositions() -> Int

    /// Writes the term's positions in the current passage's field to `destination`,
    /// ascending, and returns how many (fewer than `countPositions()` only from a damaged
    /// file): a phrase gathers its terms' positions in raw memory it reuses.
    func positions(writingTo destination: UnsafeMutablePointer<UInt32>) -> Int

    /// The list-wide bounds MaxScore needs (document frequency and the list's impacts),
    /// known without reading postings.
    var statistics: TermStatistics { get }

    /// The block holding the first posting at or after `target`, without moving the cursor
    /// (a "shallow" advance); `.exhausted` past the last posting. Callers ask with targets
    /// at or after the cursor's passage, never decreasing much (an implementation may move
    /// its metadata reader forward).
    func block(containing target: PassageNumber) -> PostingBlock

    /// Lets the cursor leave frequencies packed until positions are read: the caller reads
    /// positions only (never `frequency`), and only where other lists agree (a phrase's
    /// terms). A hint; the default ignores it.
    func deferFrequencies()

    /// Calls `body` with the passage and frequency of every posting from the current one
    /// through `last`, and returns where the cursor then stands (past `last`): the loop
    /// that scores a run of postings term at a time.
    func scan(through last: PassageNumber, _ body: (PassageNumber, UInt32) -> Void) -> PassageNumber
}

extension PostingCursor {
    public func deferFrequencies() {}

    /// Moves to the next posting.
    @inlinable
    @discardableResult
    public func next() -> PassageNumber { advance(to: passage.successor) }

    @inlinable
    public func scan(through last: PassageNumber, _ body: (PassageNumber, UInt32) -> Void) -> PassageNumber {
        while passage != .end, passage <= last {
            body(passage, frequency)
            next()
        }
        return passage
    }
}
