import Synchronization

/// Where the first key of each block of a `.terms` file lies, and its first eight bytes,
/// remembered the first time a lookup reads it: the dictionary's binary search then
/// compares two integers at most steps, and ready bytes at the others.
///
/// Why: a lookup's binary search reads a dozen first keys, and reading one in place (its
/// block index entries and bytes verified, its two varints decoded) cost more than the
/// comparison, about half of a lookup. Building the whole table on open would read and
/// checksum the whole file, a cost every one-query `citex search` would pay; filled
/// lazily, the search's top levels, shared by every lookup, are known after the first.
///
/// Per block two words, 0 while unknown: the location `start << 16 | (length + 1)` (the
/// key's payload offset and length; a key longer than the 16 bits hold is never
/// remembered, and is read in place each time), and the prefix (`prefix(of:)`). Shared by
/// threads: the words are atomic, the prefix is stored before the location that
/// publishes it, and two threads that race to fill a block store the same values.
final class TermBlockKeys: @unchecked Sendable {
    private let locations: UnsafeMutablePointer<Atomic<UInt64>>
    private let prefixes: UnsafeMutablePointer<Atomic<UInt64>>
    private let count: Int

    /// The longest key remembered.
    static let maxLength = 0xFFFE

    init(blockCount: Int) {
        count = blockCount
        locations = .allocate(capacity: max(blockCount, 1))
        prefixes = .allocate(capacity: max(blockCount, 1))
        for block in 0..<blockCount {
            (locations + block).initialize(to: Atomic(0))
            (prefixes + block).initialize(to: Atomic(0))
        }
    }

    deinit {
        locations.deinitialize(count: count)
        prefixes.deinitialize(count: count)
        locations.deallocate()
        prefixes.deallocate()
    }

    /// The first eight bytes of `key` as a big-endian integer, zeros past its end. Where
    /// two keys' prefixes differ they order as the keys do (a key ending before the
    /// difference is a prefix of the other, and pads with a zero no byte is below); where
    /// they are equal the keys must be compared.
    @inline(__always)
    static func prefix(of key: UnsafeRawBufferPointer) -> UInt64 {
        if key.count >= 8 { return UInt64(bigEndian: key.loadUnaligned(as: UInt64.self)) }
        var prefix: UInt64 = 0
        for i in 0..<8 { prefix = prefix << 8 | UInt64(i < key.count ? key[i] : 0) }
        return prefix
    }

    /// The payload range of `block`'s first key and its prefix, if known.
    @inline(__always)
    subscript(block: Int) -> (range: Range<Int>, prefix: UInt64)? {
        let location = locations[block].load(ordering: .acquiring)
        guard location != 0 else { return nil }
        let start = Int(truncatingIfNeeded: location >> 16)
        return (start..<start + Int(truncatingIfNeeded: location & 0xFFFF) - 1, prefixes[block].load(ordering: .relaxed))
    }

    /// Remembers `block`'s first key, `key`, read and verified at payload `range`.
    func remember(_ block: Int, at range: Range<Int>, key: UnsafeRawBufferPointer) {
        guard range.count <= Self.maxLength, range.lowerBound < 1 << 47 else { return }
        prefixes[block].store(Self.prefix(of: key), ordering: .relaxed)
        locations[block].store(UInt64(range.lowerBound) << 16 | UInt64(range.count + 1), ordering: .releasing)
    }
}
