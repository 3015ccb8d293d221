@testable import Index
import TestSupport
import Testing

/// Flipped bytes, truncation and missing files give an error naming the file, never a crash.
@Suite struct DamagedFileTests {
    /// An index with two segments, one of them with deletions, so every kind of file exists.
    static func index() throws -> MemoryStorage {
        let storage = MemoryStorage()
        let corpus = RandomCorpus.documents(count: 40, seed: 41)
        try IndexWriterTests.write(Array(corpus[0..<20]), to: storage)
        let writer = try IndexWriter(storage: storage)
        writer.remove(absolutePath: corpus[0].1.absolutePath)
        for (document, stamp) in corpus[20...] { try writer.add(document, source: stamp) }
        try writer.commit()
        writer.close()
        return storage
    }

    static func files(_ storage: MemoryStorage) throws -> [String] {
        try storage.list().filter { $0 != WriteLock.fileName }.sorted()
    }

    static func expectDamageNamed(_ file: String, verify: Verification, _ storage: MemoryStorage) {
        #expect {
            _ = try IndexSnapshot(try IndexReader.open(storage, verify: verify))
        } throws: { error in
            guard let error = error as? IndexError else { return false }
            return error.file.hasSuffix(file) && "\(error)".contains(file)
        }
    }

    @Test func everyKindOfFileExists() throws {
        let extensions = Set(try Self.files(try Self.index()).map { $0.split(separator: ".").last.map(String.init) ?? "" })
        #expect(extensions.isSuperset(of: ["terms", "postings", "positions", "norms", "passages", "documents", "del"]))
        #expect(try Self.files(try Self.index()).contains { $0.hasPrefix("manifest-") })
    }

    @Test func aFlippedByteIsDetectedByChecksumAndNamed() throws {
        let storage = try Self.index()
        for file in try Self.files(storage) {
            let original = storage.contents(of: file)!
            for offset in [original.count / 2, original.count - 1, 5] {
                var damaged = original
                damaged[offset] ^= 0x20
                storage.overwrite(file, with: damaged)
                Self.expectDamageNamed(file, verify: .checksum, storage)
            }
            storage.overwrite(file, with: original)
        }
    }

    @Test func aTruncatedFileIsDetectedOnOpenAndNamed() throws {
        let storage = try Self.index()
        for file in try Self.files(storage) {
            let original = storage.contents(of: file)!
            for length in [0, 7, original.count / 2, original.count - 1] {
                storage.overwrite(file, with: Array(original[0..<length]))
                Self.expectDamageNamed(file, verify: .onFirstRead, storage)
            }
            storage.overwrite(file, with: original)
        }
    }

    @Test func aMissingSegmentFileIsNamed() throws {
        let storage = try Self.index()
        for file in try Self.files(storage) where !file.hasPrefix("manifest-") {
            let original = storage.contents(of: file)!
            try storage.remove(file)
            Self.expectDamageNamed(file, verify: .onFirstRead, storage)
            storage.overwrite(file, with: original)
        }
    }

    static let largeParts: Set<String> = ["terms", "postings", "positions", "passages"]

    /// A flipped byte in a large file, opened without the full checksum pass (as a search
    /// opens): reading everything ends in an error naming the file, or in damage the reader
    /// recorded naming it, or in exactly the pristine data (the byte was never read: positions
    /// of deleted passages, the file checksum). Never in different data.
    @Test func aFlipInALargeFileIsReportedOrUnread() throws {
        let storage = try Self.index()
        let pristine = try IndexSnapshot(try IndexReader.open(storage))
        var random = SeededGenerator(seed: 43)
        var reported = 0
        for file in try Self.files(storage) where Self.largeParts.contains(String(file.split(separator: ".").last ?? "")) {
            let original = try #require(storage.contents(of: file))
            for _ in 0..<20 {
                var damaged = original
                let offset = Int.random(in: 0..<damaged.count, using: &random)
                damaged[offset] ^= UInt8.random(in: 1...255, using: &random)
                storage.overwrite(file, with: damaged)
                do {
                    let reader = try IndexReader.open(storage)
                    let snapshot = try IndexSnapshot(reader)
                    if let damage = reader.damage {
                        #expect(damage.file == file, "\(file) byte \(offset): \(damage)")
                        reported += 1
                    } else {
                        #expect(snapshot == pristine, "\(file) byte \(offset): served changed data")
                    }
                } catch let error as IndexError {
                    #expect(error.kind == .damaged && error.file.hasSuffix(file), "\(file) byte \(offset): \(error)")
                    reported += 1
                }
            }
            storage.overwrite(file, with: original)
        }
        #expect(reported > 40)
    }

    /// A chunk table that disagrees with its chunks, in a file whose own checksum is right (a
    /// writer bug, not a disk's): `check` still finds it, as every search reading the chunk would.
    @Test func checkHashesEveryChunkAgainstTheTable() throws {
        let storage = try Self.index()
        let file = try #require(try Self.files(storage).first { $0.hasSuffix(".postings") })
        var bytes = try #require(storage.contents(of: file))
        let n = bytes.count
        let chunks = Int(CheckedFileTests.word(bytes, at: n - 20))
        bytes[n - 20 - 4 * chunks] ^= 0x01
        let whole = XXHash64.hash(Array(bytes[0..<n - 8]))
        bytes.replaceSubrange(n - 8..<n, with: withUnsafeBytes(of: whole.littleEndian) { Array($0) })
        storage.overwrite(file, with: bytes)
        #expect(throws: IndexError.damaged(file, "checksum mismatch in bytes 0..<\(min(4096, n - 20 - 4 * chunks))")) {
            try IndexReader.check(storage)
        }
    }

    /// A flip inside one term's postings ends that term's cursor and records the damage, while
    /// a term whose postings lie in other chunks still reads in full.
    @Test func aFlipInOneTermsPostingsSparesTermsInOtherChunks() throws {
        let storage = MemoryStorage()
        try IndexWriterTests.write(RandomCorpus.documents(count: 400, seed: 44), to: storage)
        let segment = try #require(try IndexReader.open(storage).segments.first)
        var infos: [TermInfo] = []
        try segment.terms(.text, prefix: UnsafeRawBufferPointer(start: nil, count: 0)) { _, info in
            infos.append(info)
            return true
        }
        let offsets = infos.map(\.postingsOffset).sorted()
        func chunks(_ info: TermInfo) -> ClosedRange<Int> {
            let end = offsets.first { $0 > info.postingsOffset } ?? segment.postingsFile.payload.count
            let header = IndexFileKind.headerSize, shift = Int(IndexFileKind.chunkShift)
            return (info.postingsOffset + header) >> shift...(end - 1 + header) >> shift
        }
        let queried = try #require(infos.max { $0.documentFrequency < $1.documentFrequency })
        let spared = try #require(infos.last { chunks($0).lowerBound > chunks(queried).upperBound + 1 && $0.documentFrequency > 1 })
        let name = segment.info.fileName("postings")
        var bytes = try #require(storage.contents(of: name))
        bytes[IndexFileKind.headerSize + queried.postingsOffset + 20] ^= 0x10
        storage.overwrite(name, with: bytes)

        let reader = try IndexReader.open(storage)
        let damaged = try #require(reader.segments.first)
        var cursor = damaged.postings(spared)
        var count = 0
        while cursor.passage != .end {
            count += 1
            cursor.next()
        }
        #expect(count == spared.documentFrequency && !cursor.isDamaged && reader.damage == nil)
        cursor = damaged.postings(queried)
        while cursor.passage != .end { cursor.next() }
        #expect(cursor.isDamaged)
        #expect(reader.damage?.file == name && "\(reader.damage!)".contains("checksum mismatch in bytes"))
    }

    /// Without full checksums, damage inside the large files may go unnoticed on open; reading
    /// everything must still end in an error or a clean result, never a crash.
    @Test func randomDamageNeverCrashesAReader() throws {
        let storage = try Self.index()
        var random = SeededGenerator(seed: 42)
        for file in try Self.files(storage) {
            let original = storage.contents(of: file)!
            for _ in 0..<25 {
                var damaged = original
                for _ in 0..<Int.random(in: 1...4, using: &random) {
                    let offset = Int.random(in: 0..<damaged.count, using: &random)
                    damaged[offset] = UInt8.random(in: 0...255, using: &random)
                }
                storage.overwrite(file, with: damaged)
                _ = try? IndexSnapshot(try IndexReader.open(storage, verify: .onFirstRead))
            }
            storage.overwrite(file, with: original)
        }
    }
}
