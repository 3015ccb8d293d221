@testable import Index
import TestSupport
import Testing

/// `withRecord` decodes a block only as far as the wanted record ends and caches that prefix:
/// whatever the order of reads and whatever prefix the cache holds, a record reads back exactly
/// as a whole-block decode (`forEach`) gives it.
@Suite struct RecordStorePartialDecodeTests {
    /// Records of very unequal lengths (0 to 3000 bytes, with 1- and 2-byte length varints), so
    /// the decoder's guess of where a record ends is often short and it must decode further.
    static func unevenRecords(count: Int, seed: UInt64) -> [[UInt8]] {
        var random = SeededGenerator(seed: seed)
        let lengths = [0, 1, 90, 127, 128, 300, 3000]
        return (0..<count).map { number in
            let length = lengths.randomElement(using: &random) ?? 0
            return (0..<length).map { UInt8(truncatingIfNeeded: number &* 31 &+ $0 % 7) }
        }
    }

    /// Every record, as a whole-block decode reads it.
    static func reference(_ store: RecordStore) throws -> [[UInt8]] {
        var records: [[UInt8]] = []
        try store.forEach { _, reader in records.append(Array(reader.bytes)) }
        return records
    }

    static func read(_ store: RecordStore, _ number: Int) throws -> [UInt8] {
        try store.withRecord(number) { Array($0.bytes) }
    }

    /// With 32 cached blocks every block of this store fits, so each is decoded whole instead.
    @Test(arguments: [1, 2, 32])
    func readsInAnyOrderMatchWholeBlockDecoding(cachedBlocks: Int) throws {
        let records = Self.unevenRecords(count: 400, seed: 17)
        let store = try RecordStoreTests.store(records, blockTarget: 8192, cachedBlocks: cachedBlocks)
        #expect(Self.blockRanges(records, blockTarget: 8192).count <= 32)
        #expect(try Self.reference(store) == records)
        // In order: each block is first cached as a short prefix, then decoded further.
        for number in records.indices { #expect(try Self.read(store, number) == records[number], "record \(number)") }
        var random = SeededGenerator(seed: 18)
        for number in records.indices.shuffled(using: &random) {
            #expect(try Self.read(store, number) == records[number], "record \(number)")
        }
    }

    /// The first, a middle and the last record of each block, in the orders that leave a shorter
    /// prefix of the block in the cache before a record beyond it is read.
    /// With a dictionary too (its blocks are decoded after a copy of it).
    @Test(arguments: [0, 1024])
    func recordsAtTheStartMiddleAndEndOfABlockAfterAShorterPrefix(dictionarySize: Int) throws {
        let records = RecordStoreTests.records(count: 300, maxLength: 400, seed: 19)
        let store = try RecordStoreTests.store(
            records, blockTarget: 4096, cachedBlocks: 4, dictionarySize: dictionarySize, dictionaryBlockTarget: 4096)
        let blocks = Self.blockRanges(records, blockTarget: 4096)
        #expect(blocks.count > 3)
        for block in blocks {
            for order in [[block.lowerBound, block.upperBound - 1, (block.lowerBound + block.upperBound) / 2],
                          [(block.lowerBound + block.upperBound) / 2, block.lowerBound, block.upperBound - 1]] {
                for number in order { #expect(try Self.read(store, number) == records[number], "record \(number)") }
            }
        }
    }

    /// The block search starts where a record would lie if blocks held equally many and
    /// gallops from there: records bunched unevenly (thousands of empty and tiny ones, then a
    /// few large ones, then tiny ones again) put that guess far from the true block, on both
    /// sides, and every record must still read back as the whole-block decode gives it.
    @Test(arguments: [0, 1024])
    func recordsFarFromAnEvenSpreadAreFound(dictionarySize: Int) throws {
        var random = SeededGenerator(seed: 23)
        let records: [[UInt8]] = (0..<2400).map { number in
            let length = number < 1500 ? Int.random(in: 0...3, using: &random)
                : number < 1600 ? Int.random(in: 1000...3000, using: &random) : Int.random(in: 0...40, using: &random)
            return (0..<length).map { UInt8(truncatingIfNeeded: number &* 13 &+ $0) }
        }
        let store = try RecordStoreTests.store(
            records, blockTarget: 1024, cachedBlocks: 2, dictionarySize: dictionarySize, dictionaryBlockTarget: 1024)
        #expect(Self.blockRanges(records, blockTarget: 1024).count > 100)
        #expect(try Self.reference(store) == records)
        for number in records.indices.shuffled(using: &random) {
            #expect(try Self.read(store, number) == records[number], "record \(number)")
        }
    }

    /// Prefetching is a hint: for any number, in range or not, it neither fails nor changes
    /// what a read then returns.
    @Test func prefetchingChangesNoRead() throws {
        let records = Self.unevenRecords(count: 300, seed: 31)
        let store = try RecordStoreTests.store(
            records, blockTarget: 2048, extra: (0..<600).map { UInt32($0) }, cachedBlocks: 2,
            dictionarySize: 1024, dictionaryBlockTarget: 2048)
        for number in [-1, records.count, records.count + 5, Int.max / 2] + Array(records.indices) {
            store.prefetchIndexEntry(of: number, extraIndices: 2 * (number % 1000)..<2 * (number % 1000) + 2)
            store.prefetchFrame(of: number)
        }
        for number in records.indices { #expect(try Self.read(store, number) == records[number], "record \(number)") }
    }

    /// The records each block holds, as `RecordStoreWriter` closes blocks (at the target).
    static func blockRanges(_ records: [[UInt8]], blockTarget: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0, bytes = 0
        for (number, record) in records.enumerated() {
            var length = ByteWriter()
            length.appendVarint(record.count)
            bytes += length.count + record.count
            if bytes >= blockTarget {
                ranges.append(start..<number + 1)
                start = number + 1
                bytes = 0
            }
        }
        if start < records.count { ranges.append(start..<records.count) }
        return ranges
    }

    /// Compressed bytes that pass their checksums (rewritten with the file's framing) but do not
    /// decode give an error for every record of their block, whether it is decoded in part or whole.
    @Test func undecodableCompressedBytesGiveAnError() throws {
        let records = RecordStoreTests.records(count: 200, maxLength: 300, seed: 23)
        let storage = MemoryStorage()
        let original = try RecordStoreTests.store(records, blockTarget: 2048, in: storage)
        let blocks = Self.blockRanges(records, blockTarget: 2048)
        let file = try CheckedFile(try storage.open("s"), kind: .passages, verify: .checksum)
        var payload = withExtendedLifetime(file) { Array(file.payload) }
        // Block 1's frame: from its index entry to block 2's; its raw size varint stays intact.
        let damaged = try payload.withUnsafeBytes { raw -> Range<Int> in
            var trailer = ByteReader(raw, offset: raw.count - 40, file: "s")
            let index = Int(try trailer.fixed(UInt64.self))
            var entries = ByteReader(raw, offset: index + 12 + 4, file: "s")
            let start = Int(try entries.fixed(UInt64.self))
            entries.offset += 4
            let end = Int(try entries.fixed(UInt64.self))
            var header = ByteReader(raw, offset: start, file: "s")
            _ = try header.varint()
            return header.offset..<end
        }
        for offset in damaged { payload[offset] = 0xFF }
        let output = try IndexFileWriter(storage: storage, name: "s", kind: .passages)
        try output.write(payload)
        try output.finish()
        let store = try RecordStore(try CheckedFile(try storage.open("s"), kind: .passages, verify: .checksum), cachedBlocks: 4)
        for number in blocks[1] {
            #expect(throws: IndexError.self) { try Self.read(store, number) }
        }
        for number in blocks[0] { #expect(try Self.read(store, number) == Self.read(original, number)) }
        #expect(throws: IndexError.self) { try store.forEach { _, _ in } }
    }
}
