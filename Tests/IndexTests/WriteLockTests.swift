@testable import Index
import Testing

/// The writer lock survives the writers it refuses.
@Suite struct WriteLockTests {
    /// Regression: a refused `WriteLock.init` ran `deinit`, which removed the holder's lock
    /// file, so a third writer got in beside the first.
    @Test func aRefusedWriterLeavesTheHoldersLockInPlace() throws {
        let storage = MemoryStorage()
        let first = try IndexWriter(storage: storage)
        for _ in 0..<3 {
            #expect(throws: IndexError.self) { _ = try IndexWriter(storage: storage) }
        }
        first.close()
        try IndexWriter(storage: storage).close()
    }
}
