import Foundation
@testable import Index
import TestSupport
import Testing

@Suite struct IndexWriterTests {
    static func write(
        _ corpus: [(Document, SourceStamp)], to storage: any Storage, options: IndexWriter.Options = .init(),
        compact: Bool = false
    ) throws {
        let writer = try IndexWriter(storage: storage, options: options)
        defer { writer.close() }
        for (document, stamp) in corpus { try writer.add(document, source: stamp) }
        try writer.commit(compact: compact)
    }

    @Test func committedDocumentsAreReadBackExactly() throws {
        let corpus = RandomCorpus.documents(count: 60, seed: 21)
        let storage = MemoryStorage()
        try Self.write(corpus, to: storage)
        let reader = try IndexReader.open(storage, verify: .checksum)
        #expect(reader.segments.count == 1)
        try SegmentRoundTripTests.expectMatches(reader.segments[0], ReferenceIndex(corpus))
        #expect(reader.documentCount == corpus.count)
        #expect(reader.generation == 1)
    }

    @Test func memoryBudgetForcesManySegmentsAndMergingKeepsEveryPosting() throws {
        let corpus = RandomCorpus.documents(count: 200, seed: 22)
        let expected = try IndexSnapshot(expected: corpus)
        let storage = MemoryStorage()
        let options = IndexWriter.Options(memoryBudget: 20_000, mergePolicy: MergePolicy(factor: 1000))
        let writer = try IndexWriter(storage: storage, options: options)
        for (document, stamp) in corpus { try writer.add(document, source: stamp) }
        #expect(writer.flushCount > 5)
        try writer.commit()
        writer.close()
        let unmerged = try IndexReader.open(storage, verify: .checksum)
        #expect(unmerged.segments.count > 5)
        #expect(try IndexSnapshot(unmerged) == expected)

        let merging = IndexWriter.Options(memoryBudget: 20_000, mergePolicy: MergePolicy(factor: 3))
        let tiered = MemoryStorage()
        try Self.write(corpus, to: tiered, options: merging)
        let merged = try IndexReader.open(tiered, verify: .checksum)
        #expect(merged.segments.count < unmerged.segments.count)
        #expect(try IndexSnapshot(merged) == expected)

        try Self.write([], to: storage, compact: true)
        let compacted = try IndexReader.open(storage, verify: .checksum)
        #expect(compacted.segments.count == 1)
        #expect(try IndexSnapshot(compacted) == expected)
    }

    /// The records kept per known file count against the budget: the same documents flush
    /// more often into an index that already knows many files (here, with long paths).
    @Test func perFileRecordsCountAgainstTheBudget() throws {
        let budget = 1 << 20
        let known = MemoryStorage()
        let longPrefix = String(repeating: "folder/", count: 60)
        try Self.write(RandomCorpus.documents(count: 1500, passages: 0...0, seed: 24, prefix: longPrefix), to: known)
        let incoming = RandomCorpus.documents(count: 300, passages: 2...6, seed: 25, prefix: "new")
        func flushes(into storage: any Storage) throws -> (flushes: Int, recordBytes: Int) {
            let writer = try IndexWriter(storage: storage, options: .init(memoryBudget: budget, mergePolicy: MergePolicy(factor: 1000)))
            defer { writer.close() }
            let recordBytes = writer.recordBytes
            for (document, stamp) in incoming { try writer.add(document, source: stamp) }
            return (writer.flushCount, recordBytes)
        }
        let empty = try flushes(into: MemoryStorage())
        let crowded = try flushes(into: known)
        #expect(crowded.recordBytes > budget / 2)
        #expect(empty.flushes >= 1)
        #expect(crowded.flushes >= 2 * empty.flushes)
    }

    /// A document too large for what is left of the budget is flushed on its own, so the
    /// buffer never holds it on top of a full budget of others.
    @Test func aLargeDocumentGetsTheBufferToItself() throws {
        let small = RandomCorpus.documents(count: 5, passages: 1...2, seed: 26)
        let large = RandomCorpus.documents(count: 1, passages: 400...400, seed: 27, prefix: "large")
        let storage = MemoryStorage()
        let writer = try IndexWriter(storage: storage, options: .init(memoryBudget: 200_000, mergePolicy: MergePolicy(factor: 1000)))
        for (document, stamp) in small { try writer.add(document, source: stamp) }
        #expect(writer.flushCount == 0)
        try writer.add(large[0].0, source: large[0].1)
        try writer.commit()
        writer.close()
        #expect(try IndexReader.open(storage).segments.map(\.info.documentCount) == [5, 1])
    }

    @Test func removedAndReplacedDocumentsDisappearAndCompactDropsThem() throws {
        let corpus = RandomCorpus.documents(count: 80, passages: 1...4, seed: 23)
        let storage = MemoryStorage()
        try Self.write(Array(corpus[0..<50]), to: storage, options: .init(memoryBudget: 30_000))
        let replacement = RandomCorpus.documents(count: 10, passages: 1...4, seed: 99, prefix: "new")
        let writer = try IndexWriter(storage: storage, options: .init(memoryBudget: 30_000))
        for i in 0..<10 { #expect(writer.remove(absolutePath: corpus[i].1.absolutePath)) }
        #expect(!writer.remove(absolutePath: "/nowhere"))
        for i in 10..<20 {
            var stamp = replacement[i - 10].1
            stamp.absolutePath = corpus[i].1.absolutePath
            try writer.add(replacement[i - 10].0, source: stamp)
        }
        for (document, stamp) in corpus[50...] { try writer.add(document, source: stamp) }
        try writer.commit()
        writer.close()
        var expectedCorpus = Array(corpus[20...])
        for i in 10..<20 {
            var stamp = replacement[i - 10].1
            stamp.absolutePath = corpus[i].1.absolutePath
            expectedCorpus.append((replacement[i - 10].0, stamp))
        }
        let expected = try IndexSnapshot(expected: expectedCorpus)
        let reader = try IndexReader.open(storage, verify: .checksum)
        #expect(reader.documentCount == 70)
        #expect(try IndexSnapshot(reader) == expected)
        #expect(reader.segments.contains { $0.deletions.passages.count > 0 })

        try Self.write([], to: storage, compact: true)
        let compacted = try IndexReader.open(storage)
        #expect(compacted.segments.count == 1)
        #expect(compacted.segments[0].deletions.passages.count == 0)
        #expect(try IndexSnapshot(compacted) == expected)
    }

    @Test func commitsAtEachFlushHoldEveryReplacedDocumentExactlyOnce() throws {
        let corpus = RandomCorpus.documents(count: 60, passages: 1...4, seed: 26)
        let storage = MemoryStorage()
        try Self.write(corpus, to: storage)
        let newer = RandomCorpus.documents(count: 60, passages: 1...4, seed: 27, prefix: "v2-")
        let writer = try IndexWriter(storage: storage, options: .init(memoryBudget: 15_000, commitOnFlush: true))
        var commits = 0
        for (i, (document, stamp)) in newer.enumerated() {
            let generation = writer.generation
            var source = stamp
            source.absolutePath = corpus[i].1.absolutePath
            try writer.add(document, source: source)
            guard writer.generation != generation else { continue }
            commits += 1
            let snapshot = try IndexSnapshot(try IndexReader.open(storage, verify: .checksum))
            #expect(Set(snapshot.documents.keys) == Set(corpus.map(\.1.absolutePath)))
            #expect(snapshot.passages.count == (0..<60).reduce(0) { count, j in
                count + (snapshot.documents[corpus[j].1.absolutePath]?.title == newer[j].0.title && j <= i
                    ? newer[j].0.passages.count : corpus[j].0.passages.count)
            })
        }
        try writer.commit()
        writer.close()
        #expect(commits > 2)
    }

    @Test func aSecondWriterIsRefusedAndAStaleLockIsTakenOver() throws {
        let directory = try CLIRunner.temporaryDirectory("citex-lock")
        defer { try? FileManager.default.removeItem(at: directory) }
        for storage in [MemoryStorage() as any Storage, try FileSystemStorage(path: directory.path)] {
            let first = try IndexWriter(storage: storage)
            #expect {
                _ = try IndexWriter(storage: storage)
            } throws: { error in
                (error as? IndexError)?.kind == .locked(getpid()) && "\(error)".contains("pid \(getpid())")
            }
            first.close()
            // A killed writer leaves its pid in the file but holds no lock.
            let output = try storage.create(WriteLock.fileName)
            try Array("2147483000\n".utf8).withUnsafeBytes { try output.write($0) }
            try output.finish()
            let second = try IndexWriter(storage: storage)
            try second.commit()
            second.close()
            #expect(try IndexReader.open(storage).generation == 1)
        }
    }

    @Test func aReaderKeepsItsCommitWhileAWriterCommitsAndMerges() throws {
        let directory = try CLIRunner.temporaryDirectory("citex-index")
        defer { try? FileManager.default.removeItem(at: directory) }
        let storage = try FileSystemStorage(path: directory.path)
        let corpus = RandomCorpus.documents(count: 60, seed: 24)
        try Self.write(Array(corpus[0..<30]), to: storage)
        let before = try IndexReader.open(storage)
        let snapshot = try IndexSnapshot(before)
        let writer = try IndexWriter(storage: storage)
        for (document, stamp) in corpus[0..<10] { writer.remove(absolutePath: stamp.absolutePath); _ = document }
        for (document, stamp) in corpus[30...] { try writer.add(document, source: stamp) }
        try writer.commit(compact: true)
        writer.close()
        let oldFiles = before.segments[0].info.files
        #expect(try storage.list().allSatisfy { !oldFiles.contains($0) })
        #expect(try IndexSnapshot(before) == snapshot)
        let after = try IndexReader.open(storage)
        #expect(after.generation == before.generation + 1)
        #expect(after.documentCount == 50)
    }
}

/// `--index` may point at a folder that holds other files; commits must never delete them.
@Test func commitsLeaveFilesTheIndexDidNotWriteAlone() throws {
    let storage = MemoryStorage()
    for name in ["README.md", "notes.txt", "segment-plan.md"] {
        let output = try storage.create(name)
        try [UInt8]("keep me".utf8).withUnsafeBytes { try output.write($0) }
        try output.finish()
    }
    try IndexWriterTests.write(RandomCorpus.documents(count: 5, seed: 3), to: storage)
    try IndexWriterTests.write(RandomCorpus.documents(count: 5, seed: 4), to: storage, compact: true)
    let names = Set(try storage.list())
    #expect(names.isSuperset(of: ["README.md", "notes.txt", "segment-plan.md"]))
}
