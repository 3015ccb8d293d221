import Index

/// The on-disk segment's `PostingsCursor` behind the `PostingCursor` protocol: a class
/// holding the (mutating) cursor struct, so scorers can share it by reference.
///
/// The struct lives in memory this object allocates and frees: calling its mutating
/// methods through a stored `var` would make every `advance` pay Swift's dynamic
/// exclusivity checks, which cost more than the advance itself.
public final class SegmentPostingCursor: PostingCursor {
    private let cursor: UnsafeMutablePointer<PostingsCursor>

    init(_ cursor: PostingsCursor) {
        self.cursor = .allocate(capacity: 1)
        self.cursor.initialize(to: cursor)
    }

    deinit {
        cursor.deinitialize(count: 1)
        cursor.deallocate()
    }

    public var passage: PassageNumber { cursor.pointee.passage }

    @discardableResult
    public func advance(to target: PassageNumber) -> PassageNumber {
        cursor.pointee.advance(to: target)
    }

    public func scan(through last: PassageNumber, _ body: (PassageNumber, UInt32) -> Void) -> PassageNumber {
        cursor.pointee.scan(through: last, body)
    }

    public var frequency: UInt32 { cursor.pointee.frequency }

    public var statistics: TermStatistics {
        TermStatistics(documentFrequency: cursor.pointee.documentFrequency, impacts: cursor.pointee.impacts)
    }

    public func deferFrequencies() {
        cursor.pointee.defersFrequencies = true
    }

    public func countPositions() -> Int {
        cursor.pointee.countPositions()
    }

    public func positions(writingTo destination: UnsafeMutablePointer<UInt32>) -> Int {
        cursor.pointee.positions(writingTo: destination)
    }

    public func block(containing target: PassageNumber) -> PostingBlock {
        guard cursor.pointee.shallowAdvance(to: target) != .end else { return .exhausted }
        return PostingBlock(lastPassage: cursor.pointee.blockLastPassage, impacts: cursor.pointee.blockImpacts)
    }
}
