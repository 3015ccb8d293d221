import Synchronization
@testable import Index
import TestSupport
import Testing

/// A commit interrupted at any storage operation leaves a readable index holding exactly the
/// previous commit (or, past the rename, the new one), and the next writer cleans up and succeeds.
@Suite struct CommitFailureTests {
    final class Counter: Sendable {
        let value = Atomic<Int>(0)
    }

    static let first = RandomCorpus.documents(count: 12, seed: 31)
    static let second = RandomCorpus.documents(count: 12, seed: 32, prefix: "more")

    static func applySecondBatch(_ writer: IndexWriter) throws {
        for (_, stamp) in first[0..<5] { writer.remove(absolutePath: stamp.absolutePath) }
        for (document, stamp) in second { try writer.add(document, source: stamp) }
        try writer.commit()
    }

    @Test func aCommitFailingAtAnyStepLeavesTheLastCommitIntact() throws {
        let old = try IndexSnapshot(expected: Self.first)
        let new = try IndexSnapshot(expected: Array(Self.first[5...]) + Self.second)
        let options = IndexWriter.Options(memoryBudget: 12_000, mergePolicy: MergePolicy(factor: 3))
        let total = try Self.operationCount(options)
        // Every operation of the commit phase (deletion sets, manifest, rename), and a sample
        // of the flushes and merges before it, to keep the test quick.
        let steps = Array(stride(from: 0, to: total - 40, by: 20)) + Array(max(total - 40, 0)..<total + 1)
        var failures = 0
        for step in steps {
            let storage = MemoryStorage()
            try IndexWriterTests.write(Self.first, to: storage, options: options)
            let committed = Set(try storage.list())
            let counter = Counter()
            storage.setFaults { operation in
                if case .remove = operation { return false }
                return counter.value.add(1, ordering: .relaxed).newValue == step + 1
            }
            let failed: Bool
            do {
                let writer = try IndexWriter(storage: storage, options: options)
                defer { writer.close() }
                try Self.applySecondBatch(writer)
                failed = false
            } catch let error as IndexError {
                #expect(error.kind == .io(28))
                failed = true
            }
            storage.setFaults(nil)
            let snapshot = try IndexSnapshot(try IndexReader.open(storage, verify: .checksum))
            if !failed {
                #expect(snapshot == new)
                #expect(step == total)
                continue
            }
            failures += 1
            #expect(snapshot == old || snapshot == new, "failure at step \(step)")
            let retry = try IndexWriter(storage: storage, options: options)
            if snapshot == old {
                #expect(Set(try storage.list()) == committed.union([WriteLock.fileName]))
                try Self.applySecondBatch(retry)
            }
            retry.close()
            #expect(try IndexSnapshot(try IndexReader.open(storage, verify: .checksum)) == new)
        }
        #expect(failures == steps.count - 1)
    }

    /// How many storage operations (removals aside) the second batch performs.
    static func operationCount(_ options: IndexWriter.Options) throws -> Int {
        let storage = MemoryStorage()
        try IndexWriterTests.write(first, to: storage, options: options)
        let counter = Counter()
        storage.setFaults { operation in
            if case .remove = operation { return false }
            counter.value.add(1, ordering: .relaxed)
            return false
        }
        let writer = try IndexWriter(storage: storage, options: options)
        defer { writer.close() }
        try applySecondBatch(writer)
        return counter.value.load(ordering: .relaxed)
    }
}
