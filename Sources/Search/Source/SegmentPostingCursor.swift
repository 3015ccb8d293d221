import Index

/// The on-disk segment's `PostingsCursor` behind the `PostingCursor` protocol: a class
/// holding the (mutating) cursor struct, so scorers can share it by reference.
final class SegmentPostingCursor: PostingCursor {
    private var cursor: PostingsCursor

    init(_ cursor: PostingsCursor) {
        self.cursor = cursor
    }

    var passage: PassageNumber { cursor.passage }

    @discardableResult
    func advance(to target: PassageNumber) -> PassageNumber {
        cursor.advance(to: target)
    }

    var frequency: UInt32 { cursor.frequency }

    func positions(into buffer: inout [UInt32]) {
        cursor.positions(into: &buffer)
    }

    func block(containing target: PassageNumber) -> PostingBlock {
        guard cursor.shallowAdvance(to: target) != .end else { return .exhausted }
        return PostingBlock(
            lastPassage: cursor.blockLastPassage, maxFrequency: cursor.blockMaxFrequency, minLength: cursor.blockMinNorm)
    }
}
