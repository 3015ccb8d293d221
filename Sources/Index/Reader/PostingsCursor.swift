/// Iterates one term's postings in one field of one segment: passages in increasing order,
/// with frequencies, positions on demand, and the per-block maxima that dynamic pruning
/// (block-max WAND, MaxScore) needs to skip blocks that cannot reach the top k.
///
/// A new cursor is positioned on its first passage. Deleted passages are included; check
/// `SegmentReader.isDeleted`. The hot methods are `@inlinable` so a searcher in another
/// module gets them specialised and inlined.
///
/// ```swift
/// var cursor = segment.postings(.text, term: "whale")!
/// while cursor.passage != .end {
///     score(cursor.passage, cursor.frequency)
///     cursor.next()
/// }
/// ```
/// - Warning: copies of a cursor share its decoding buffer; use one copy at a time
///   (make a fresh cursor from the segment to iterate twice).
public struct PostingsCursor {
    /// Keeps the mapped files alive.
    @usableFromInline let owner: AnyObject
    /// The files behind `data` and `positionData`, asked to verify each block before it is read.
    let checked: (postings: CheckedFile, positions: CheckedFile)
    @usableFromInline let passageLimit: UInt32
    @usableFromInline let data: UnsafeRawPointer
    @usableFromInline let dataCount: Int
    @usableFromInline let positionData: UnsafeRawPointer
    @usableFromInline let positionCount: Int
    @usableFromInline let buffer: PostingsBlockBuffer
    @usableFromInline let fullBlocks: Int
    @usableFromInline let blockTotal: Int
    @usableFromInline let skipStart: Int
    @usableFromInline let dataStart: Int
    @usableFromInline let positionsStart: Int
    /// Whether skip entries give their impacts' length (format 4 on).
    @usableFromInline let sizedImpacts: Bool
    /// Passages containing the term (deleted ones included): the `n` of BM25's idf.
    public let documentFrequency: Int
    /// The whole list's competitive (frequency, field length) pairs, from the dictionary.
    public let impacts: Impacts

    /// The current passage, or `.end` once exhausted.
    @inlinable
    public var passage: PassageNumber { current }
    @usableFromInline var current: PassageNumber = .end
    /// Set when the postings turned out inconsistent (a damaged file): the cursor ended early.
    public internal(set) var isDamaged = false

    // The decoded block: its number, how many entries it holds, the current entry.
    @usableFromInline var decodedBlock = -1
    @usableFromInline var count = 0
    @usableFromInline var index = 0
    // Positions of the decoded block: the entry whose positions start at `positionOffset`.
    @usableFromInline var positionIndex = 0
    @usableFromInline var positionOffset = 0
    /// Where the positions of entry `positionIndex - 1` start (asked for twice, they are
    /// not skipped over again).
    @usableFromInline var previousPositionOffset = 0
    /// With `defersFrequencies`, the decoded full block's packed frequencies (stored minus
    /// one, `pendingWidth` bits each, verified) until positions are read.
    @usableFromInline var pendingFreqs: UnsafeRawPointer?
    @usableFromInline var pendingWidth = 0
    /// End of the decoded block's positions while they are unverified: -1 when unknown (no
    /// skip data), `Int.max` once verified.
    @usableFromInline var positionEnd = 0

    // Metadata of block `metaBlock` (may run ahead of the decoded block after a shallow advance).
    @usableFromInline var metaBlock = -1
    @usableFromInline var metaBase: UInt32 = 0
    @usableFromInline var metaLast: UInt32 = 0
    @usableFromInline var metaImpacts = Impacts()
    @usableFromInline var metaDataStart = 0
    @usableFromInline var metaDataBytes = 0
    @usableFromInline var metaPositionStart = 0
    @usableFromInline var metaPositionBytes = 0
    @usableFromInline var skipOffset = 0

    /// The frequency of the term in the current passage. Not available while the block's
    /// frequencies are deferred (`defersFrequencies`): a check here on every read cost word
    /// queries 3–5 %, so it is only asserted.
    @inlinable
    public var frequency: UInt32 {
        assert(pendingFreqs == nil, "frequency read while frequencies are deferred")
        return buffer.freqs[index]
    }

    /// Whether a full block's frequencies are left packed until positions are read, for a
    /// reader that reads positions only, and those only where other lists agree (a phrase):
    /// most blocks of a phrase's common words are decoded only to find where a passage
    /// would be. Such a reader must not read `frequency`.
    public var defersFrequencies = false

    /// Last passage of the block whose metadata is loaded (see `shallowAdvance(to:)`).
    @inlinable
    public var blockLastPassage: PassageNumber { PassageNumber(rawValue: metaLast) }
    /// That block's competitive (frequency, field length) pairs: every posting in it is
    /// dominated by one, so the best-scoring pair bounds every score in the block.
    @inlinable
    public var blockImpacts: Impacts { metaImpacts }

    /// Moves to the next passage and returns it (`.end` when there is none).
    @inlinable
    @discardableResult
    public mutating func next() -> PassageNumber {
        index += 1
        if index < count {
            current = PassageNumber(rawValue: buffer.docs[index])
        } else {
            loadBlock(decodedBlock + 1)
        }
        return passage
    }

    /// Calls `body` with the passage and frequency of every posting from the current one
    /// through `last`, and returns where the cursor then stands (past `last`, or `.end`).
    /// One loop over the decoded block in registers: scoring a run of postings this way
    /// costs about half of moving posting by posting with `next()`.
    @inlinable
    public mutating func scan(through last: PassageNumber, _ body: (PassageNumber, UInt32) -> Void) -> PassageNumber {
        assert(pendingFreqs == nil, "frequencies read while they are deferred")
        while current != .end, current <= last {
            let docs = buffer.docs, freqs = buffer.freqs, end = count
            var entry = index
            while entry < end {
                let passage = PassageNumber(rawValue: docs[entry])
                guard passage <= last else {
                    index = entry
                    current = passage
                    return passage
                }
                body(passage, freqs[entry])
                entry += 1
            }
            index = end - 1
            loadBlock(decodedBlock + 1)
        }
        return current
    }

    /// Moves to the first passage at or after `target` and returns it (`.end` when none).
    /// Never moves backwards.
    @inlinable
    @discardableResult
    public mutating func advance(to target: PassageNumber) -> PassageNumber {
        guard target > passage else { return passage }
        if buffer.docs[count - 1] < target.rawValue {
            shallowAdvance(to: target)
            guard metaLast >= target.rawValue else {
                current = .end
                return passage
            }
            loadBlock(metaBlock)
            if passage == .end { return passage }
        }
        // The block's last passage is at or past the target: the index cannot overflow.
        while buffer.docs[index] < target.rawValue { index &+= 1 }
        current = PassageNumber(rawValue: buffer.docs[index])
        return passage
    }

    /// Loads the metadata of the block that may contain `target`, without decoding any
    /// passages; returns that block's last passage, or `.end` if `target` is past the last
    /// passage of the term.
    @inlinable
    @discardableResult
    public mutating func shallowAdvance(to target: PassageNumber) -> PassageNumber {
        if metaBlock > decodedBlock, metaBase > target.rawValue { restartMetadata() }
        if metaLast < target.rawValue && metaBlock + 1 < blockTotal {
            walkMetadata(passingBelow: target.rawValue, orBefore: 0)
        }
        return metaLast >= target.rawValue ? PassageNumber(rawValue: metaLast) : .end
    }

    /// The positions of the term in the current passage, in increasing order, replacing
    /// `result`'s contents. If the positions file is damaged, `result` may come back short
    /// and `isDamaged` is set.
    public mutating func positions(into result: inout [UInt32]) {
        // Shrinking element by element: `removeAll(keepingCapacity:)` goes through the
        // generic `replaceSubrange`, which cost more than decoding here.
        while !result.isEmpty { result.removeLast() }
        positions(appendingTo: &result)
    }

    /// Appends the positions of the term in the current passage to `result`, in increasing
    /// order. If the positions file is damaged, fewer may be appended and `isDamaged` is set.
    mutating func positions(appendingTo result: inout [UInt32]) {
        var sink = AppendedPositions(result: result)
        result = []
        readPositions(into: &sink)
        result = sink.result
    }

    /// How many positions the term has in the current passage (its frequency; 0 at the
    /// end), readable while frequencies are deferred: the room `positions(writingTo:)` needs.
    public mutating func countPositions() -> Int {
        guard passage != .end else { return 0 }
        if pendingFreqs != nil { unpackFreqs() }
        return Int(buffer.freqs[index])
    }

    /// Writes the positions of the term in the current passage to `destination` (room for
    /// `countPositions()` of them), in increasing order, and returns how many it wrote: fewer
    /// when the positions file is damaged (`isDamaged` is then set). The phrase matcher's
    /// path: raw memory it owns, without an array's uniqueness and capacity checks per
    /// position and per shrink.
    public mutating func positions(writingTo destination: UnsafeMutablePointer<UInt32>) -> Int {
        var sink = WrittenPositions(destination: destination)
        readPositions(into: &sink)
        return sink.count
    }

    private mutating func readPositions<Sink: PositionSink>(into sink: inout Sink) {
        guard passage != .end else { return }
        if pendingFreqs != nil { unpackFreqs() }
        guard positionEnd == .max || positionsAreIntact() else { return }
        // The entry decoded last is passed over without reading its varints again.
        if positionIndex == index + 1 {
            positionIndex = index
            positionOffset = previousPositionOffset
        }
        if positionIndex < index {
            // Wrapping adds (a block's frequencies cannot reach `Int.max`) let the loop
            // vectorise: with overflow checks it took six instructions an entry.
            var skipped = 0
            let freqs = buffer.freqs
            for entry in positionIndex..<index { skipped &+= Int(freqs[entry]) }
            skipPositions(skipped)
            positionIndex = index
        }
        let freq = Int(buffer.freqs[index])
        var offset = positionOffset
        if !decodePositions(freq, from: &offset, into: &sink) { isDamaged = true }
        previousPositionOffset = positionOffset
        positionOffset = offset
        positionIndex = index + 1
    }

    /// Every block's last passage and impacts (for `citex check` and tests).
    public func blockSummaries() -> [PostingsBlockSummary] {
        var copy = self
        copy.restartMetadata()
        var result: [PostingsBlockSummary] = []
        result.reserveCapacity(blockTotal)
        while true {
            result.append(PostingsBlockSummary(
                lastPassage: PassageNumber(rawValue: copy.metaLast), impacts: copy.metaImpacts))
            guard copy.metaBlock + 1 < blockTotal else { return result }
            copy.loadNextMetadata()
        }
    }
}

/// The bounds of one block of 128 postings (or the shorter last block).
public struct PostingsBlockSummary: Sendable, Equatable {
    public var lastPassage: PassageNumber
    public var impacts: Impacts
}

/// Scratch space for one decoded block, allocated once per cursor: passages and then
/// frequencies in one allocation (a query opens a cursor per term and field, and a second
/// allocation and its release cost a tenth of opening one).
@usableFromInline
final class PostingsBlockBuffer {
    @usableFromInline let docs: UnsafeMutablePointer<UInt32>
    @usableFromInline let freqs: UnsafeMutablePointer<UInt32>

    init() {
        docs = .allocate(capacity: 2 * BitPacking.blockSize)
        freqs = docs + BitPacking.blockSize
        docs.initialize(repeating: .max, count: BitPacking.blockSize)
        freqs.initialize(repeating: 0, count: BitPacking.blockSize)
    }

    deinit {
        docs.deallocate()
    }
}
