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
                Self.expectDamageNamed(file, verify: .structure, storage)
            }
            storage.overwrite(file, with: original)
        }
    }

    @Test func aMissingSegmentFileIsNamed() throws {
        let storage = try Self.index()
        for file in try Self.files(storage) where !file.hasPrefix("manifest-") {
            let original = storage.contents(of: file)!
            try storage.remove(file)
            Self.expectDamageNamed(file, verify: .structure, storage)
            storage.overwrite(file, with: original)
        }
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
                _ = try? IndexSnapshot(try IndexReader.open(storage, verify: .structure))
            }
            storage.overwrite(file, with: original)
        }
    }
}
