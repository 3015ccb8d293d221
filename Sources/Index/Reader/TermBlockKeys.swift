import Synchronization

/// Where the first key of each block of a `.terms` file lies, remembered the first time a
/// lookup reads it: the dictionary's binary search then compares ready bytes.
///
/// Why: a lookup's binary search reads a dozen first keys, and reading one in place
/// (its block index entries and bytes verified, its two varints decoded) cost more than
/// the comparison, about half of a lookup. Building the whole table on open would read
/// and checksum the whole file, a cost every one-query `citex search` would pay; filled
/// lazily, the search's top levels, shared by every lookup, are known after the first.
///
/// One word per block, 0 while unknown, else `start << 16 | (length + 1)`: the key's
/// payload offset and length (a longer key than the 16 bits hold is never remembered,
/// and is read in place each time). Shared by threads: the words are atomic, and two
/// threads that race to fill one store the same value.
final class TermBlockKeys: @unchecked Sendable {
    private let words: UnsafeMutablePointer<Atomic<UInt64>>
    private let count: Int

    /// The longest key remembered.
    static let maxLength = 0xFFFE

    init(blockCount: Int) {
        count = blockCount
        words = .allocate(capacity: max(blockCount, 1))
        for block in 0..<blockCount { (words + block).initialize(to: Atomic(0)) }
    }

    deinit {
        words.deinitialize(count: count)
        words.deallocate()
    }

    /// The payload range of `block`'s first key, if known.
    @inline(__always)
    subscript(block: Int) -> Range<Int>? {
        // Relaxed: the word publishes no data (the file's bytes are immutable, and were
        // verified before the word was stored).
        let word = words[block].load(ordering: .relaxed)
        guard word != 0 else { return nil }
        let start = Int(truncatingIfNeeded: word >> 16)
        return start..<start + Int(truncatingIfNeeded: word & 0xFFFF) - 1
    }

    /// Remembers `block`'s first key, read and verified at payload `range`.
    func remember(_ block: Int, at range: Range<Int>) {
        guard range.count <= Self.maxLength, range.lowerBound < 1 << 47 else { return }
        words[block].store(UInt64(range.lowerBound) << 16 | UInt64(range.count + 1), ordering: .relaxed)
    }
}
