@testable import Index
import TestSupport
import Testing

/// Records written with `RecordStoreWriter` read back whole and in order, whatever the block
/// size and however records straddle block boundaries.
@Suite struct RecordStoreTests {
    /// Writes `records` with `blockTarget`, then checks every record by number and in order.
    static func roundTrip(_ records: [[UInt8]], blockTarget: Int, extra: [UInt32] = []) throws {
        let store = try Self.store(records, blockTarget: blockTarget, extra: extra)
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
    static func store(
        _ records: [[UInt8]], blockTarget: Int, extra: [UInt32] = [], cachedBlocks: Int = 4,
        in storage: MemoryStorage = MemoryStorage()
    ) throws -> RecordStore {
        let output = try IndexFileWriter(storage: storage, name: "s", kind: .passages)
        let writer = RecordStoreWriter(file: output, blockTarget: blockTarget)
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
}
