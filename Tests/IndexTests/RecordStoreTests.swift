@testable import Index
import TestSupport
import Testing

/// Records written with `RecordStoreWriter` read back whole and in order, whatever the block
/// size and however records straddle block boundaries.
@Suite struct RecordStoreTests {
    /// Writes `records` with `blockTarget`, then checks every record by number and in order.
    static func roundTrip(_ records: [[UInt8]], blockTarget: Int, extra: [UInt32] = [], dictionarySize: Int = 0) throws {
        let store = try Self.store(records, blockTarget: blockTarget, extra: extra, dictionarySize: dictionarySize)
        #expect(store.recordCount == records.count)
        #expect((0..<store.extraCount).map(store.extraValue) == extra)
        for (number, record) in records.enumerated().reversed() {
            let read = try store.withRecord(number) { reader in Array(reader.bytes) }
            #expect(read == record, "record \(number)")
        }
        var seen: [[UInt8]] = []
        try store.forEach { number, reader in
            #expect(number == seen.count)
            seen.append(Array(reader.bytes))
        }
        #expect(seen == records)
        #expect(throws: IndexError.self) { try store.withRecord(records.count) { _ in } }
    }

    /// A store named "s" in `storage` holding `records`, opened with `cachedBlocks`.
    /// With `dictionarySize`, blocks are compressed against the records' first bytes (in
    /// blocks of `dictionaryBlockTarget`) if the records reach four times that size.
    static func store(
        _ records: [[UInt8]], blockTarget: Int, extra: [UInt32] = [], cachedBlocks: Int = 4,
        dictionarySize: Int = 0, dictionaryBlockTarget: Int = 256, in storage: MemoryStorage = MemoryStorage()
    ) throws -> RecordStore {
        let output = try IndexFileWriter(storage: storage, name: "s", kind: .passages)
        let writer = RecordStoreWriter(
            file: output, blockTarget: blockTarget, dictionary: Array(records.joined().prefix(dictionarySize)),
            dictionaryBlockTarget: dictionaryBlockTarget)
        for record in records {
            var bytes = ByteWriter()
            bytes.append(contentsOf: record)
            try writer.add(bytes)
        }
        try writer.finish(extra: extra)
        try output.finish()
        return try RecordStore(try CheckedFile(try storage.open("s"), kind: .passages, verify: .checksum), cachedBlocks: cachedBlocks)
    }

    static func records(count: Int, maxLength: Int, seed: UInt64) -> [[UInt8]] {
        var random = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...maxLength, using: &random)).map { _ in UInt8.random(in: 0...7, using: &random) }
        }
    }

    @Test(arguments: [1, 100, 4096, 8192, RecordStoreWriter.defaultBlockTarget])
    func recordsOfEverySizeRoundTrip(blockTarget: Int) throws {
        try Self.roundTrip(Self.records(count: 300, maxLength: 900, seed: 5), blockTarget: blockTarget, extra: [3, 1, 4])
        try Self.roundTrip(Self.records(count: 6, maxLength: 3 * blockTarget, seed: 6), blockTarget: blockTarget)
    }

    /// A record that exactly reaches the target closes its block; the next starts a new one.
    @Test func aRecordEndingExactlyAtTheTargetClosesTheBlock() throws {
        let target = 256
        let exact = [UInt8](repeating: 1, count: target - 2)  // + a 2-byte varint length = target
        try Self.roundTrip([exact, [2], exact, exact, []], blockTarget: target)
    }

    @Test func anEmptyStoreHasNoRecords() throws {
        try Self.roundTrip([], blockTarget: 1024)
        try Self.roundTrip([[]], blockTarget: 1024)
    }

    /// Stores with a dictionary (records both below and above the four-fold minimum, some
    /// longer than the dictionary) read back like stores without one.
    @Test(arguments: [1, 300, 2000])
    func recordsRoundTripWithADictionary(count: Int) throws {
        try Self.roundTrip(Self.records(count: count, maxLength: 900, seed: 7), blockTarget: 512, extra: [9], dictionarySize: 512)
        try Self.roundTrip(Self.records(count: count, maxLength: 90, seed: 8), blockTarget: 4096, dictionarySize: 1024)
        // Blocks larger than a decoding buffer's default room.
        try Self.roundTrip(Self.records(count: count % 7, maxLength: 40_000, seed: 12), blockTarget: 512, dictionarySize: 512)
    }

    /// Text that recurs across records compresses against the dictionary: the store is smaller
    /// than the same small blocks compressed alone (so the dictionary is really used).
    @Test func aDictionaryShrinksSmallBlocksOfRecurringText() throws {
        var random = SeededGenerator(seed: 9)
        let phrases = (0..<40).map { n in Array("phrase \(n) of the recurring vocabulary, ".utf8) }
        let records = (0..<600).map { _ in (0..<8).flatMap { _ in phrases.randomElement(using: &random) ?? [] } }
        func size(dictionarySize: Int) throws -> Int {
            let storage = MemoryStorage()
            let store = try Self.store(
                records, blockTarget: 256, dictionarySize: dictionarySize, dictionaryBlockTarget: 256, in: storage)
            #expect(try (0..<records.count).map { n in try store.withRecord(n) { Array($0.bytes) } } == records)
            return storage.contents(of: "s")?.count ?? 0
        }
        #expect(try size(dictionarySize: 4096) < size(dictionarySize: 0) * 3 / 4)
    }

    /// A flipped byte in the dictionary fails its chunk's checksum when the store is opened,
    /// even opened to verify on first read: every block depends on it.
    @Test func aDamagedDictionaryIsDetectedOnOpen() throws {
        let storage = MemoryStorage()
        _ = try Self.store(Self.records(count: 400, maxLength: 300, seed: 10), blockTarget: 256, dictionarySize: 2048, in: storage)
        var bytes = try #require(storage.contents(of: "s"))
        bytes[IndexFileKind.headerSize + 2 + 1000] ^= 0x20  // past the 2-byte size varint
        storage.overwrite("s", with: bytes)
        #expect(throws: IndexError.self) {
            try RecordStore(try CheckedFile(try storage.open("s"), kind: .passages, verify: .onFirstRead), cachedBlocks: 4)
        }
    }

    /// The block search reads its probes unverified: a damaged index entry makes a read fail
    /// with the damage, never return another record's bytes.
    @Test(arguments: [0, 512])
    func aDamagedIndexEntryFailsReadsOrMisleadsNone(dictionarySize: Int) throws {
        let storage = MemoryStorage()
        let records = Self.records(count: 400, maxLength: 300, seed: 13)
        _ = try Self.store(records, blockTarget: 256, dictionarySize: dictionarySize, in: storage)
        var bytes = try #require(storage.contents(of: "s"))
        let file = try CheckedFile(try storage.open("s"), kind: .passages, verify: .checksum)
        let payload = withExtendedLifetime(file) { Array(file.payload) }
        let index = Int(payload[(payload.count - 40)..<(payload.count - 32)].reversed().reduce(0) { $0 << 8 | UInt64($1) })
        // The high byte of the middle block's first record number.
        bytes[IndexFileKind.headerSize + index + 12 * 20 + 3] ^= 0x40
        storage.overwrite("s", with: bytes)
        let store = try RecordStore(try CheckedFile(try storage.open("s"), kind: .passages, verify: .onFirstRead), cachedBlocks: 4)
        var failed = 0
        for number in records.indices {
            do {
                #expect(try store.withRecord(number) { Array($0.bytes) } == records[number], "record \(number)")
            } catch is IndexError {
                failed += 1
            }
        }
        #expect(failed > 0)
    }

    /// A store as format version 2 wrote it (no dictionary; each record's length inside the
    /// compressed block) still reads back, by number and in order.
    @Test(arguments: [1, 700, 4096])
    func aVersionTwoStoreReadsBack(blockTarget: Int) throws {
        let storage = MemoryStorage()
        let records = RecordStorePartialDecodeTests.unevenRecords(count: 300, seed: 11)
        try Self.writeVersionTwo(records, blockTarget: blockTarget, extra: [5, 6], to: storage)
        let store = try RecordStore(try CheckedFile(try storage.open("s"), kind: .passages, verify: .checksum), cachedBlocks: 4)
        var random = SeededGenerator(seed: 14)
        for number in records.indices.shuffled(using: &random) {
            #expect(try store.withRecord(number) { Array($0.bytes) } == records[number], "record \(number)")
        }
        #expect(try RecordStorePartialDecodeTests.reference(store) == records)
        #expect((0..<store.extraCount).map(store.extraValue) == [5, 6])
    }

    /// Writes a version 2 passage store "s" of `records` to `storage`, its payload built by
    /// hand: each block is stored as one LZ4 literal run (valid LZ4 that a reader decodes like
    /// any other). The framing is today's writer's: its chunk size (1 KiB, where version 2
    /// wrote 4 KiB) is read from the footer, not from the version.
    static func writeVersionTwo(_ records: [[UInt8]], blockTarget: Int, extra: [UInt32], to storage: MemoryStorage) throws {
        var payload = ByteWriter(), index = ByteWriter(), block = ByteWriter()
        var blocks = 0, first = 0
        func flush(upTo number: Int) {
            guard !block.bytes.isEmpty || first < number else { return }
            index.appendFixed(UInt32(first))
            index.appendFixed(UInt64(payload.count))
            payload.appendVarint(block.count)
            // LZ4 literal run: token (length nibble), length continuation bytes, literals.
            let count = block.count
            payload.append(UInt8(min(count, 15) << 4))
            if count >= 15 {
                var rest = count - 15
                while rest >= 255 { payload.append(255); rest -= 255 }
                payload.append(UInt8(rest))
            }
            payload.append(contentsOf: block.bytes)
            block.removeAll()
            blocks += 1
            first = number
        }
        for (number, record) in records.enumerated() {
            block.appendVarint(record.count)
            block.append(contentsOf: record)
            if block.count >= blockTarget { flush(upTo: number + 1) }
        }
        flush(upTo: records.count)
        let indexOffset = payload.count
        payload.append(contentsOf: index.bytes)
        payload.appendFixed(UInt64(indexOffset))
        let extraOffset = payload.count
        for value in extra { payload.appendFixed(value) }
        for value in [indexOffset, blocks, records.count, extraOffset, extra.count] { payload.appendFixed(UInt64(value)) }
        let file = try IndexFileWriter(storage: storage, name: "s", kind: .passages, version: 2)
        try file.write(payload)
        try file.finish()
    }
}
