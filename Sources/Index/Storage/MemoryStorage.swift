import Synchronization

/// An in-memory `Storage` that can fail on command: the test double for crash and disk-full paths.
///
/// Files live in a dictionary; a file being written becomes visible when it is finished, as
/// with a real directory after `fsync`. `faults` decides, per operation, whether to fail it
/// (with `ENOSPC`), so a test can break a commit at any chosen step and check that the
/// previous commit survives.
public final class MemoryStorage: Storage, @unchecked Sendable {
    /// One operation the storage is about to perform, offered to `faults`.
    public enum Operation: Sendable, Equatable {
        case create(String), write(String), finish(String), rename(String, String), remove(String), syncDirectory
    }

    public let location: String
    private let state = Mutex<[String: [UInt8]]>([:])
    private let heldLocks = Mutex<Set<String>>([])
    private let faultRule = Mutex<(@Sendable (Operation) -> Bool)?>(nil)

    public init(location: String = "memory") {
        self.location = location
    }

    /// Fails every operation for which `rule` returns true; `nil` stops failing.
    public func setFaults(_ rule: (@Sendable (Operation) -> Bool)?) {
        faultRule.withLock { $0 = rule }
    }

    func check(_ operation: Operation, _ name: String) throws {
        let fail = faultRule.withLock { $0?(operation) ?? false }
        if fail { throw IndexError(.io(28), file: location + "/" + name, reason: "injected failure: no space left on device") }
    }

    /// Replaces the bytes of `name` (tests use this to damage files).
    public func overwrite(_ name: String, with bytes: [UInt8]) {
        state.withLock { $0[name] = bytes }
    }

    /// The bytes of `name`, if it exists.
    public func contents(of name: String) -> [UInt8]? {
        state.withLock { $0[name] }
    }

    func store(_ name: String, _ bytes: [UInt8]) {
        state.withLock { $0[name] = bytes }
    }

    public func list() throws -> [String] {
        state.withLock { Array($0.keys) }
    }

    public func open(_ name: String) throws -> MappedFile {
        guard let bytes = state.withLock({ $0[name] }) else {
            throw IndexError(.io(2), file: location + "/" + name, reason: "cannot open: No such file or directory")
        }
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        bytes.withUnsafeBytes { copy.copyMemory(from: $0) }
        return MappedFile(name: name, bytes: UnsafeRawBufferPointer(rebasing: copy[0..<bytes.count])) { view in
            UnsafeMutableRawPointer(mutating: view.baseAddress)?.deallocate()
        }
    }

    public func create(_ name: String) throws -> any StorageOutput {
        try check(.create(name), name)
        return MemoryOutput(storage: self, name: name)
    }

    public func lock(_ name: String, owner: [UInt8]) throws -> (lock: (any StorageLock)?, holder: [UInt8]) {
        try check(.create(name), name)
        let taken = heldLocks.withLock { held in held.insert(name).inserted }
        guard taken else { return (nil, contents(of: name) ?? []) }
        store(name, owner)
        return (MemoryLock(storage: self, name: name), owner)
    }

    fileprivate func unlock(_ name: String) {
        store(name, [])
        _ = heldLocks.withLock { $0.remove(name) }
    }

    public func rename(_ from: String, to: String) throws {
        try check(.rename(from, to), from)
        let moved = state.withLock { files -> Bool in
            guard let bytes = files.removeValue(forKey: from) else { return false }
            files[to] = bytes
            return true
        }
        if !moved { throw IndexError(.io(2), file: location + "/" + from, reason: "cannot rename: No such file or directory") }
    }

    public func remove(_ name: String) throws {
        try check(.remove(name), name)
        _ = state.withLock { $0.removeValue(forKey: name) }
    }

    public func syncDirectory() throws {
        try check(.syncDirectory, "")
    }

    public func size(of name: String) throws -> Int {
        guard let count = state.withLock({ $0[name]?.count }) else {
            throw IndexError(.io(2), file: location + "/" + name, reason: "cannot stat: No such file or directory")
        }
        return count
    }
}

/// A file being written to a `MemoryStorage`; visible only once finished.
final class MemoryOutput: StorageOutput {
    private let storage: MemoryStorage
    private let name: String
    private var buffer: [UInt8] = []

    init(storage: MemoryStorage, name: String) {
        self.storage = storage
        self.name = name
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        try storage.check(.write(name), name)
        buffer.append(contentsOf: bytes)
    }

    func finish() throws {
        try storage.check(.finish(name), name)
        storage.store(name, buffer)
    }

    func abandon() {}
}

/// A lock held in a `MemoryStorage` (a crashed holder is simulated by never taking it).
final class MemoryLock: StorageLock {
    private let storage: MemoryStorage
    private let name: String
    private var held = true

    init(storage: MemoryStorage, name: String) {
        self.storage = storage
        self.name = name
    }

    func release() {
        guard held else { return }
        held = false
        storage.unlock(name)
    }

    deinit { release() }
}
