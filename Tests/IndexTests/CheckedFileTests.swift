import Dispatch
@testable import Index
import Synchronization
import TestSupport
import Testing

/// The chunk table every index file carries, and the reader that verifies it on first touch.
@Suite struct CheckedFileTests {
    static let chunkSize = 1 << Int(IndexFileKind.chunkShift)

    /// A file of `size` payload bytes written in random pieces (so chunk boundaries fall inside
    /// writes and flushes), and those bytes.
    static func write(size: Int, seed: UInt64) throws -> (MemoryStorage, [UInt8]) {
        var random = SeededGenerator(seed: seed)
        let payload = (0..<size).map { _ in UInt8.random(in: 0...255, using: &random) }
        let storage = MemoryStorage()
        let writer = try IndexFileWriter(storage: storage, name: "f", kind: .postings)
        var start = 0
        while start < size {
            let end = min(size, start + Int.random(in: 1...3 * chunkSize, using: &random))
            try writer.write(Array(payload[start..<end]))
            start = end
        }
        try writer.finish()
        #expect(writer.offset == storage.contents(of: "f")?.count)
        return (storage, payload)
    }

    /// The chunk table as the format describes it, computed independently of the writer.
    static func expectedTable(fileStart: [UInt8]) -> [UInt32] {
        stride(from: 0, to: fileStart.count, by: chunkSize).map { start in
            UInt32(truncatingIfNeeded: XXHash64.hash(Array(fileStart[start..<min(fileStart.count, start + chunkSize)])))
        }
    }

    static func word(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) }
    }

    @Test(arguments: [0, 1, 31, 4088, 4096 - 8, 4096 - 7, 3 * 4096 + 17, 20_000])
    func theChunkTableRoundTrips(size: Int) throws {
        let (storage, payload) = try Self.write(size: size, seed: UInt64(size) + 1)
        let bytes = try #require(storage.contents(of: "f"))
        let covered = IndexFileKind.headerSize + size
        let table = Self.expectedTable(fileStart: Array(bytes[0..<covered]))
        #expect(bytes.count == covered + 4 * table.count + IndexFileKind.footerSize)
        #expect((0..<table.count).map { Self.word(bytes, at: covered + 4 * $0) } == table)
        #expect(Self.word(bytes, at: bytes.count - 20) == UInt32(table.count))
        #expect(Self.word(bytes, at: bytes.count - 12) == IndexFileKind.chunkShift)
        let whole = XXHash64.hash(Array(bytes[0..<bytes.count - 8]))
        #expect(bytes[(bytes.count - 8)...].elementsEqual(withUnsafeBytes(of: whole.littleEndian) { Array($0) }))
        for verify in [Verification.onFirstRead, .checksum] {
            let file = try CheckedFile(try storage.open("f"), kind: .postings, verify: verify)
            #expect(Array(file.payload) == payload)
            try file.verify(0..<size)
            #expect(file.damage == nil)
        }
    }

    @Test func aFlipFailsOnlyTheChunkHoldingIt() throws {
        let size = 5 * Self.chunkSize
        let (storage, _) = try Self.write(size: size, seed: 7)
        var bytes = try #require(storage.contents(of: "f"))
        let flipped = 2 * Self.chunkSize + 100
        bytes[flipped] ^= 0x01
        storage.overwrite("f", with: bytes)
        let file = try CheckedFile(try storage.open("f"), kind: .postings, verify: .onFirstRead)
        let header = IndexFileKind.headerSize
        let damaged = 2 * Self.chunkSize - header..<3 * Self.chunkSize - header
        try file.verify(0..<damaged.lowerBound)
        try file.verify(damaged.upperBound..<size)
        #expect(file.damage == nil)
        #expect(file.isIntact(damaged.lowerBound - 10..<damaged.lowerBound))
        #expect(!file.isIntact(damaged.upperBound - 1..<damaged.upperBound + 1))
        #expect(throws: IndexError.damaged("f", "checksum mismatch in bytes 8192..<12288")) {
            try file.verify(damaged.lowerBound + 5..<damaged.lowerBound + 6)
        }
        #expect(file.damage == IndexError.damaged("f", "checksum mismatch in bytes 8192..<12288"))
        #expect(throws: IndexError.self) { try CheckedFile(try storage.open("f"), kind: .postings, verify: .checksum) }
    }

    /// Many threads verifying overlapping ranges of one file at once, as the searches of one
    /// process do: every chunk's verdict is the same as a lone reader's, whoever verifies first.
    @Test(arguments: [false, true])
    func concurrentFirstTouchesAgree(damaged: Bool) throws {
        let size = 64 * Self.chunkSize
        let (storage, _) = try Self.write(size: size, seed: 11)
        var bytes = try #require(storage.contents(of: "f"))
        let badChunks: Set<Int> = damaged ? [3, 40, 63] : []
        for chunk in badChunks { bytes[chunk * Self.chunkSize + 9] ^= 0x80 }
        storage.overwrite("f", with: bytes)
        let file = try CheckedFile(try storage.open("f"), kind: .postings, verify: .onFirstRead)
        let header = IndexFileKind.headerSize
        let failures = Atomic<Int>(0)
        let wrong = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            var random = SeededGenerator(seed: UInt64(thread) + 100)
            for _ in 0..<400 {
                let start = Int.random(in: 0..<size, using: &random)
                let range = start..<min(size, start + Int.random(in: 1...2 * Self.chunkSize, using: &random))
                let chunks = Set((range.lowerBound + header) / Self.chunkSize...(range.upperBound - 1 + header) / Self.chunkSize)
                let intact = file.isIntact(range)
                if intact != chunks.isDisjoint(with: badChunks) { wrong.add(1, ordering: .relaxed) }
                if !intact { failures.add(1, ordering: .relaxed) }
            }
        }
        #expect(wrong.load(ordering: .relaxed) == 0)
        #expect((failures.load(ordering: .relaxed) > 0) == damaged)
        #expect((file.damage != nil) == damaged)
    }
}
