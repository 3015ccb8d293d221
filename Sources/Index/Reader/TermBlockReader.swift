/// Reads the entries of one block of a `.terms` file in place (layout:
/// `TermDictionaryWriter`), once the dictionary has verified the block's bytes.
///
/// Every read is checked against the block's end and reports damage as `nil` or `false`,
/// which the dictionary turns into one error naming the file and byte: a lookup passes over
/// a dozen entries to use one, and a throwing read per varint cost more than the read. Keys
/// are not rebuilt here: an entry is given as the length it shares with the previous key
/// and the bytes that follow, and a caller keeps the whole key (the iterator) or compares
/// by prefix lengths (a lookup).
struct TermBlockReader {
    private let base: UnsafeRawPointer
    /// Where the next read starts (payload offset).
    private(set) var offset: Int
    private let end: Int
    /// Length of the key read last (0 before the first): no entry shares more with it.
    private var keyLength = 0
    // The entry read last, its offsets made absolute.
    private var documentFrequency = 0
    private var postingsOffset = 0
    private var positionsOffset = 0
    private var impacts = Impacts()

    /// A reader of `block`, payload offsets that lie within `payload`.
    init(_ payload: UnsafeRawBufferPointer, block: Range<Int>) {
        base = payload.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!
        offset = block.lowerBound
        end = block.upperBound
    }

    var isAtEnd: Bool { offset >= end }

    /// The next entry's key: the length it shares with the previous key and the bytes that
    /// follow (pointing into the file). `nil` when damaged: a shared length beyond the
    /// previous key (a block's first key shares nothing), or a suffix past the block.
    @inline(__always)
    mutating func nextKey() -> (shared: Int, suffix: UnsafeRawBufferPointer)? {
        let shared: UInt64, length: UInt64
        // Both lengths are almost always below 128, one byte each: read as one pair.
        if offset + 2 <= end,
           case let pair = UInt16(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt16.self)),
           pair & 0x8080 == 0 {
            shared = UInt64(pair & 0xFF)
            length = UInt64(pair >> 8)
            offset += 2
        } else {
            guard let first = Varint.read(base, &offset, limit: end), let second = Varint.read(base, &offset, limit: end)
            else { return nil }
            (shared, length) = (first, second)
        }
        guard shared <= UInt64(keyLength), length <= UInt64(end - offset) else { return nil }
        let suffix = UnsafeRawBufferPointer(start: base + offset, count: Int(length))
        offset += Int(length)
        keyLength = Int(shared) + Int(length)
        return (Int(shared), suffix)
    }

    /// Reads the rest of the entry whose key `nextKey` gave: document frequency, impacts and
    /// postings and positions offsets. `false` when damaged.
    @inline(__always)
    mutating func readEntry() -> Bool {
        guard let frequency = Varint.read(base, &offset, limit: end), frequency > 0, frequency < UInt64(Int32.max)
        else { return false }
        guard let impacts = Impacts(decoding: { Varint.read(base, &offset, limit: end) }),
              let postings = Varint.read(base, &offset, limit: end), postings < 1 << 48,
              let positions = Varint.read(base, &offset, limit: end), positions < 1 << 48
        else { return false }
        // A block's first entry holds absolute offsets, the others deltas: added to the
        // previous entry's, or to 0 for the first.
        documentFrequency = Int(frequency)
        self.impacts = impacts
        postingsOffset = postingsOffset &+ Int(postings)
        positionsOffset = positionsOffset &+ Int(positions)
        return postingsOffset >= 0 && positionsOffset >= 0
    }

    /// Passes over the rest of an entry whose key a lookup did not want, keeping only the
    /// running offsets (the next entries' are deltas from them). Checks only that it stays
    /// within the block: the entry a lookup returns is read whole by `readEntry`, and the
    /// iterator (`citex check`) reads every entry so. `false` when it runs past the end.
    @inline(__always)
    mutating func skipEntry() -> Bool {
        guard Varint.skip(1, base, &offset, limit: end), Impacts.skip(base, &offset, limit: end),
              let postings = Varint.read(base, &offset, limit: end),
              let positions = Varint.read(base, &offset, limit: end)
        else { return false }
        postingsOffset = postingsOffset &+ Int(truncatingIfNeeded: postings)
        positionsOffset = positionsOffset &+ Int(truncatingIfNeeded: positions)
        return true
    }

    /// The entry `readEntry` read.
    var info: TermInfo {
        TermInfo(
            documentFrequency: documentFrequency, postingsOffset: postingsOffset, positionsOffset: positionsOffset,
            impacts: impacts)
    }
}
