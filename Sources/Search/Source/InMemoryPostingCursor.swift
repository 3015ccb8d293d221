import Index

/// The cursor over an `InMemorySegment` posting list: galloping search forward, block
/// bounds from the list's precomputed blocks.
public final class InMemoryPostingCursor: PostingCursor {
    private let list: InMemorySegment.PostingList
    private var index = 0
    public private(set) var passage: PassageNumber

    init(_ list: InMemorySegment.PostingList) {
        self.list = list
        passage = list.passages.first ?? .end
    }

    @discardableResult
    public func advance(to target: PassageNumber) -> PassageNumber {
        guard target > passage else { return passage }
        let postings = list.passages
        var step = 1
        var low = index
        var high = index + 1
        while high < postings.count, postings[high] < target {
            low = high
            step *= 2
            high = index + step
        }
        high = min(high, postings.count)
        while low < high {
            let middle = (low + high) / 2
            if postings[middle] < target { low = middle + 1 } else { high = middle }
        }
        index = low
        passage = index < postings.count ? postings[index] : .end
        return passage
    }

    public var statistics: TermStatistics { list.statistics }

    public var frequency: UInt32 {
        index < list.frequencies.count ? list.frequencies[index] : 0
    }

    public func countPositions() -> Int {
        index < list.passages.count ? list.positionStarts[index + 1] - list.positionStarts[index] : 0
    }

    public func positions(writingTo destination: UnsafeMutablePointer<UInt32>) -> Int {
        guard index < list.passages.count else { return 0 }
        let range = list.positionStarts[index]..<list.positionStarts[index + 1]
        for (slot, position) in list.positions[range].enumerated() {
            destination[slot] = position
        }
        return range.count
    }

    public func block(containing target: PassageNumber) -> PostingBlock {
        var low = index / list.blockSize
        var high = list.blocks.count
        while low < high {
            let middle = (low + high) / 2
            if list.blocks[middle].lastPassage < target { low = middle + 1 } else { high = middle }
        }
        return low < list.blocks.count ? list.blocks[low] : .exhausted
    }
}
