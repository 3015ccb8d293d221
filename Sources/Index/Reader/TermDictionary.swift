#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a `.terms` file in place (layout: `TermDictionaryWriter`): exact lookups and
/// prefix enumeration without loading the terms into memory.
struct TermDictionary: @unchecked Sendable {
    private let payload: UnsafeRawBufferPointer
    /// Verifies each block, and each block index entry, before it is read; the trailer on open.
    private let checked: CheckedFile
    private let indexOffset: Int
    private let blockCount: Int
    /// The blocks' first keys found so far, for the binary search.
    private let blockKeys: TermBlockKeys
    let termCount: Int
    let fieldTermCounts: [Int]

    private static let trailerSize = 8 * (3 + IndexField.allCases.count)

    init(_ checked: CheckedFile) throws {
        self.checked = checked
        payload = checked.payload
        let file = checked.name
        guard payload.count >= Self.trailerSize else { throw IndexError.damaged(file, "trailer missing") }
        try checked.verify(payload.count - Self.trailerSize..<payload.count)
        var reader = ByteReader(payload, offset: payload.count - Self.trailerSize, file: file)
        let indexOffset = try reader.fixed(UInt64.self)
        let blockCount = try reader.fixed(UInt64.self)
        termCount = Int(truncatingIfNeeded: try reader.fixed(UInt64.self))
        var counts: [Int] = []
        for _ in IndexField.allCases { counts.append(Int(truncatingIfNeeded: try reader.fixed(UInt64.self))) }
        fieldTermCounts = counts
        guard blockCount < UInt64(payload.count), indexOffset <= UInt64(payload.count),
              Int(indexOffset) + Int(blockCount) * 8 == payload.count - Self.trailerSize
        else { throw IndexError.damaged(file, "inconsistent block index") }
        self.indexOffset = Int(indexOffset)
        self.blockCount = Int(blockCount)
        blockKeys = TermBlockKeys(blockCount: Int(blockCount))
    }

    private var file: String { checked.name }

    /// The bytes of `block`, verified with their block index entries before they are read
    /// (an out-of-order block index reads as damage).
    private func blockBytes(_ block: Int) throws -> Range<Int> {
        let entry = indexOffset + block * 8, isLast = block + 1 == blockCount
        try checked.verify(entry..<entry + (isLast ? 8 : 16))
        func offset(_ at: Int) -> Int {
            Int(truncatingIfNeeded: UInt64(littleEndian: payload.loadUnaligned(fromByteOffset: at, as: UInt64.self)))
        }
        let start = offset(entry), end = isLast ? indexOffset : offset(entry + 8)
        guard start >= 0, start <= end, end <= indexOffset else {
            throw IndexError.damaged(file, "block \(block) out of order in the block index")
        }
        try checked.verify(start..<end)
        return start..<end
    }

    /// A reader of `block`'s entries, its bytes verified.
    private func reader(of block: Int) throws -> TermBlockReader {
        TermBlockReader(payload, block: try blockBytes(block))
    }

    private func damaged(_ reader: TermBlockReader) -> IndexError {
        IndexError.damaged(file, "term entry at byte \(reader.offset)")
    }

    /// The first key of `block`, read in place (and remembered).
    @inline(never)
    private func readFirstKey(_ block: Int) throws -> UnsafeRawBufferPointer {
        var reader = try reader(of: block)
        guard let (_, key) = reader.nextKey() else { throw damaged(reader) }
        blockKeys.remember(block, at: reader.offset - key.count..<reader.offset, key: key)
        return key
    }

    /// The last block whose first key is ≤ `key` (0 when `key` precedes everything).
    private func findBlock(_ key: UnsafeRawBufferPointer) throws -> Int {
        let prefix = TermBlockKeys.prefix(of: key)
        var low = 0, high = blockCount - 1
        while low < high {
            let middle = (low + high + 1) / 2
            let atOrBefore: Bool
            if let known = blockKeys[middle] {
                atOrBefore = known.prefix != prefix
                    ? known.prefix < prefix : sortsAtOrBefore(UnsafeRawBufferPointer(rebasing: payload[known.range]), key)
            } else {
                atOrBefore = sortsAtOrBefore(try readFirstKey(middle), key)
            }
            if atOrBefore { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// Visits entries from the block that may hold `key` on, in order, until `body` returns false.
    private func scan(from key: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer, TermInfo) throws -> Bool) throws {
        guard blockCount > 0 else { return }
        var iterator = Iterator(dictionary: self, block: try findBlock(key))
        while try iterator.next() {
            let keepGoing = try iterator.key.withUnsafeBytes { try body($0, iterator.info) }
            if !keepGoing { return }
        }
    }

    /// Every entry in order, pull-style (for merging dictionaries of several segments).
    func makeIterator() -> Iterator { Iterator(dictionary: self, block: 0) }

    /// Walks the entries of a dictionary from the start of one block to the end, rebuilding
    /// each key.
    struct Iterator {
        private let dictionary: TermDictionary
        private var block: Int
        private var reader: TermBlockReader
        /// The current key (field byte + term), valid after `next()` returned true.
        private(set) var key: [UInt8] = []

        /// An iterator whose first `next()` enters `block`.
        init(dictionary: TermDictionary, block: Int) {
            self.dictionary = dictionary
            self.block = block - 1
            reader = TermBlockReader(dictionary.payload, block: 0..<0)
        }

        /// The current entry, valid after `next()` returned true.
        var info: TermInfo { reader.info }

        /// Moves to the next entry; false at the end of the dictionary.
        mutating func next() throws -> Bool {
            while reader.isAtEnd {
                guard block + 1 < dictionary.blockCount else { return false }
                block += 1
                reader = try dictionary.reader(of: block)
            }
            guard let (shared, suffix) = reader.nextKey() else { throw dictionary.damaged(reader) }
            key.removeSubrange(shared...)
            key.append(contentsOf: suffix)
            guard reader.readEntry() else { throw dictionary.damaged(reader) }
            return true
        }
    }

    /// The entry for exactly `key`, if present.
    ///
    /// Scans the one block that may hold `key` without building its keys (front coding lets
    /// a scan compare by prefix lengths): `matched` counts the bytes the entry read last
    /// shares with `key` while it sorts before `key`. An entry sharing more than `matched`
    /// with its predecessor sorts before `key` too; one sharing less sorts after it (its first
    /// differing byte exceeds its predecessor's, which equals `key`'s); only one sharing
    /// exactly `matched` has its suffix compared.
    func lookup(_ key: UnsafeRawBufferPointer) throws -> TermInfo? {
        guard blockCount > 0 else { return nil }
        var reader = try reader(of: try findBlock(key))
        var matched = 0
        while !reader.isAtEnd {
            guard let (shared, suffix) = reader.nextKey() else { throw damaged(reader) }
            if shared < matched { return nil }
            var isMatch = false
            if shared == matched {
                let rest = key.count - matched
                var common = 0
                while common < suffix.count && common < rest && suffix[common] == key[matched + common] { common += 1 }
                if common == suffix.count {
                    isMatch = common == rest
                } else if common == rest || suffix[common] > key[matched + common] {
                    return nil
                }
                matched += common
            }
            if isMatch {
                guard reader.readEntry() else { throw damaged(reader) }
                return reader.info
            }
            guard reader.skipEntry() else { throw damaged(reader) }
        }
        return nil
    }

    /// Every key starting with `prefix`, in order, until `body` returns false.
    func forEach(prefix: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer, TermInfo) throws -> Bool) throws {
        try scan(from: prefix) { candidate, info in
            if candidate.count >= prefix.count && compare(UnsafeRawBufferPointer(rebasing: candidate[0..<prefix.count]), prefix) == 0 {
                return try body(candidate, info)
            }
            return compare(candidate, prefix) < 0
        }
    }
}

/// Whether `a` sorts at or before `b` in the dictionary's order.
@inline(__always)
private func sortsAtOrBefore(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
    compare(a, b) <= 0
}

/// Byte-wise lexicographic order (shorter first on a common prefix): the dictionary's order.
/// A byte loop: keys differ within a few bytes, sooner than a call to `memcmp` returns
/// (eight bytes at a time measured slower).
@inline(__always)
func compare(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
    for i in 0..<min(a.count, b.count) where a[i] != b[i] { return Int(a[i]) - Int(b[i]) }
    return a.count - b.count
}
