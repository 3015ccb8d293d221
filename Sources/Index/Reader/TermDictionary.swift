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
    }

    private var file: String { checked.name }

    /// The bytes of `block`, verified with their block index entries before they are read
    /// (an out-of-order block index reads as damage later).
    private func blockBytes(_ block: Int) throws -> Range<Int> {
        let entry = indexOffset + block * 8, isLast = block + 1 == blockCount
        try checked.verify(entry..<entry + (isLast ? 8 : 16))
        func offset(_ at: Int) -> Int {
            Int(truncatingIfNeeded: UInt64(littleEndian: payload.loadUnaligned(fromByteOffset: at, as: UInt64.self)))
        }
        let start = offset(entry), end = isLast ? indexOffset : offset(entry + 8)
        try checked.verify(start..<end)
        return start..<end
    }

    /// The first key of `block`, pointing into the file.
    private func firstKey(_ block: Int) throws -> UnsafeRawBufferPointer {
        var reader = ByteReader(payload, offset: try blockBytes(block).lowerBound, file: file)
        _ = try reader.varint()
        let length = try reader.count(below: payload.count)
        return try reader.raw(length)
    }

    /// The last block whose first key is ≤ `key` (0 when `key` precedes everything).
    private func findBlock(_ key: UnsafeRawBufferPointer) throws -> Int {
        var low = 0, high = blockCount - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if compare(try firstKey(middle), key) <= 0 { low = middle } else { high = middle - 1 }
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

    /// Walks the entries of a dictionary from the start of one block to the end.
    struct Iterator {
        private let dictionary: TermDictionary
        private var block: Int
        private var reader: ByteReader
        private var end: Int
        private var first = true
        /// Whether entries are read without decoding their impacts: a lookup passes over
        /// a dozen entries to find one, and decoding impacts was most of the cost of each.
        private let skippingImpacts: Bool
        /// The current key (field byte + term) and entry, valid after `next()` returned true.
        private(set) var key: [UInt8] = []
        private(set) var info = TermInfo(documentFrequency: 0, postingsOffset: 0, positionsOffset: 0)
        /// Where the current entry's impacts are encoded in the payload.
        private(set) var impactsOffset = 0

        /// An iterator whose first `next()` enters `block`.
        init(dictionary: TermDictionary, block: Int, skippingImpacts: Bool = false) {
            self.dictionary = dictionary
            self.skippingImpacts = skippingImpacts
            self.block = block - 1
            reader = ByteReader(dictionary.payload, offset: dictionary.indexOffset, file: dictionary.file)
            end = dictionary.indexOffset
        }

        private mutating func enter(_ block: Int) throws {
            let bytes = try dictionary.blockBytes(block)
            self.block = block
            reader.offset = bytes.lowerBound
            end = bytes.upperBound
            first = true
        }

        /// Moves to the next entry; false at the end of the dictionary.
        mutating func next() throws -> Bool {
            while reader.offset >= end {
                guard block + 1 < dictionary.blockCount else { return false }
                try enter(block + 1)
            }
            let shared = try reader.count(below: key.count + 1)
            let suffix = try reader.raw(try reader.count(below: dictionary.payload.count))
            key.removeSubrange(shared...)
            key.append(contentsOf: suffix)
            let frequency = try reader.count()
            impactsOffset = reader.offset
            var impacts = Impacts()
            if skippingImpacts {
                guard try Impacts.skip({ try reader.varint() }) else { throw reader.damaged("impacts") }
            } else {
                guard let decoded = Impacts(decoding: { try? self.reader.varint() }) else { throw reader.damaged("impacts") }
                impacts = decoded
            }
            let postings = try reader.count(below: 1 << 48)
            let positions = try reader.count(below: 1 << 48)
            info = TermInfo(
                documentFrequency: frequency, postingsOffset: first ? postings : info.postingsOffset + postings,
                positionsOffset: first ? positions : info.positionsOffset + positions,
                impacts: impacts)
            first = false
            guard frequency > 0 else { throw reader.damaged("term with no postings") }
            return true
        }
    }

    /// The entry for exactly `key`, if present.
    func lookup(_ key: UnsafeRawBufferPointer) throws -> TermInfo? {
        guard blockCount > 0 else { return nil }
        var iterator = Iterator(dictionary: self, block: try findBlock(key), skippingImpacts: true)
        while try iterator.next() {
            let order = iterator.key.withUnsafeBytes { compare($0, key) }
            if order > 0 { return nil }
            guard order == 0 else { continue }
            var found = iterator.info
            var reader = ByteReader(payload, offset: iterator.impactsOffset, file: file)
            guard let impacts = Impacts(decoding: { try? reader.varint() }) else { throw reader.damaged("impacts") }
            found.impacts = impacts
            return found
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

/// Byte-wise lexicographic order (shorter first on a common prefix): the dictionary's order.
func compare(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
    let shared = min(a.count, b.count)
    if shared > 0, let x = a.baseAddress, let y = b.baseAddress {
        let order = memcmp(x, y, shared)
        if order != 0 { return Int(order) }
    }
    return a.count - b.count
}
