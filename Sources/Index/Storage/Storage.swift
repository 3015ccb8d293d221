/// A flat directory of files: everything the index reads or writes goes through it.
///
/// Why an abstraction: the real implementation (`FileSystemStorage`) is POSIX, but tests run
/// against `MemoryStorage`, which can fail any operation on demand, so crash and disk-full
/// paths are exercised rather than hoped for (the Tantivy `Directory` / swift-system mocking idea).
///
/// Names are plain file names without slashes. Writers create a file, write it sequentially,
/// then `finish()` it (data made durable); a commit then renames a temporary manifest into
/// place and syncs the directory.
public protocol Storage: Sendable {
    /// Where this storage lives, for messages (`/home/me/Index`, `memory`).
    var location: String { get }
    /// Names of every file in the directory, in no particular order.
    func list() throws -> [String]
    /// Opens `name` for reading; the bytes stay valid while the returned value is alive.
    func open(_ name: String) throws -> MappedFile
    /// Creates (or truncates) `name` for sequential writing.
    func create(_ name: String) throws -> any StorageOutput
    /// Takes the exclusive lock `name` (a file that stays in the folder), recording `owner`
    /// in it; if another live holder has it, returns `nil` and the holder's record.
    ///
    /// The lock belongs to the returned object and ends when it is released or deallocated —
    /// or when the process dies, so a killed writer never leaves a lock behind.
    func lock(_ name: String, owner: [UInt8]) throws -> (lock: (any StorageLock)?, holder: [UInt8])
    /// Atomically replaces `to` with `from`.
    func rename(_ from: String, to: String) throws
    /// Removes `name`; removing a missing file is not an error.
    func remove(_ name: String) throws
    /// Makes renames and removals durable (fsync of the directory).
    func syncDirectory() throws
    /// Size in bytes of `name`.
    func size(of name: String) throws -> Int
}

/// A held lock (see `Storage.lock`).
public protocol StorageLock: AnyObject {
    func release()
}

/// A file being written once, front to back.
public protocol StorageOutput: AnyObject {
    func write(_ bytes: UnsafeRawBufferPointer) throws
    /// Flushes to stable storage (fsync) and closes.
    func finish() throws
    /// Closes without syncing, after a failure; the caller removes the file.
    func abandon()
}

/// Read-only bytes of one file, memory-mapped (or held in memory by the test double).
///
/// - Warning: `bytes` is valid only while this object is alive; everything that points into
///   it (cursors, stored-field views) keeps a reference to it.
public final class MappedFile: @unchecked Sendable {
    public let name: String
    public let bytes: UnsafeRawBufferPointer
    private let release: @Sendable (UnsafeRawBufferPointer) -> Void
    private let evict: (@Sendable (UnsafeRawBufferPointer) -> Void)?

    init(
        name: String, bytes: UnsafeRawBufferPointer, release: @escaping @Sendable (UnsafeRawBufferPointer) -> Void,
        evict: (@Sendable (UnsafeRawBufferPointer) -> Void)? = nil
    ) {
        self.name = name
        self.bytes = bytes
        self.release = release
        self.evict = evict
    }

    /// Lets the pages read so far leave this process's resident memory (they stay in the page
    /// cache, and reading them again maps them back): a merge reading whole segments calls it
    /// as it goes, so its resident size does not grow with the segments. No-op in memory.
    public func dropResidentPages() { evict?(bytes) }

    deinit { release(bytes) }
}
