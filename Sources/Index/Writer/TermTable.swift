#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The hot core of `SegmentBuffer`: terms interned in one byte arena behind an
/// open-addressing hash table, each term's postings in one `[UInt32]`
/// (`passage, freq, position × freq` per passage), so adding a token allocates nothing in
/// the common case.
struct TermTable {
    private(set) var arena: [UInt8] = []
    private(set) var keyStarts: [UInt32] = []
    private(set) var keyLengths: [UInt32] = []
    private var hashes: [UInt32] = []
    private var slots: [Int32]
    private(set) var lists: [[UInt32]] = []
    private var lastPassage: [UInt32] = []
    private var freqSlot: [UInt32] = []
    private var postingCount = 0

    init() {
        slots = [Int32](repeating: -1, count: 1 << 12)
    }

    /// A placeholder to swap with, holding no storage.
    init(empty: Void) {
        slots = []
    }

    /// Memory held, counting the slack of growing arrays (up to twice their contents) and
    /// the per-term array headers and allocations.
    var estimatedBytes: Int {
        arena.count * 2 + lists.count * 112 + postingCount * 8 + slots.count * 4
    }

    /// Adds one occurrence of `term` in `field`; returns the term's id (for `add(id:…)`).
    @discardableResult
    mutating func add(term: UnsafeBufferPointer<UInt8>, field: IndexField, passage: UInt32, position: UInt32) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(field.rawValue)
        for byte in term { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        let id = findOrInsert(term, field: field, hash: UInt32(truncatingIfNeeded: hash ^ (hash >> 32)))
        add(id: id, passage: passage, position: position)
        return id
    }

    /// Adds one occurrence of the term with id `id` (passages in increasing order).
    mutating func add(id: Int, passage: UInt32, position: UInt32) {
        postingCount += 1
        if lastPassage[id] == passage {
            lists[id][Int(freqSlot[id])] += 1
        } else {
            lastPassage[id] = passage
            freqSlot[id] = UInt32(lists[id].count + 1)
            lists[id].append(passage)
            lists[id].append(1)
            postingCount += 2
        }
        lists[id].append(position)
    }

    private mutating func findOrInsert(_ term: UnsafeBufferPointer<UInt8>, field: IndexField, hash: UInt32) -> Int {
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        let keyLength = UInt32(term.count + 1)
        while true {
            let id = Int(slots[slot])
            if id < 0 { break }
            if hashes[id] == hash && keyLengths[id] == keyLength {
                let start = Int(keyStarts[id])
                let equal = arena.withUnsafeBufferPointer { bytes in
                    bytes[start] == field.rawValue
                        && (term.isEmpty || memcmp(bytes.baseAddress! + start + 1, term.baseAddress!, term.count) == 0)
                }
                if equal { return id }
            }
            slot = (slot + 1) & mask
        }
        let id = lists.count
        keyStarts.append(UInt32(arena.count))
        keyLengths.append(keyLength)
        arena.append(field.rawValue)
        arena.append(contentsOf: term)
        hashes.append(hash)
        lists.append([])
        lastPassage.append(.max)
        freqSlot.append(0)
        slots[slot] = Int32(id)
        if lists.count * 2 > slots.count { grow() }
        return id
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for id in hashes.indices {
            var slot = Int(hashes[id]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }

    /// Term ids in dictionary order (field byte, then term bytes).
    func sortedTerms() -> [Int] {
        arena.withUnsafeBytes { bytes in
            lists.indices.sorted { a, b in
                compare(
                    UnsafeRawBufferPointer(rebasing: bytes[Int(keyStarts[a])..<Int(keyStarts[a] + keyLengths[a])]),
                    UnsafeRawBufferPointer(rebasing: bytes[Int(keyStarts[b])..<Int(keyStarts[b] + keyLengths[b])])) < 0
            }
        }
    }
}
