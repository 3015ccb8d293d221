#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one-writer-at-a-time lock: a `write.lock` file holding the writer's pid, created
/// exclusively. A lock whose pid no longer runs (a killed writer) is stale and taken over.
final class WriteLock {
    static let fileName = "write.lock"
    private let storage: any Storage
    private var held = true

    init(storage: any Storage) throws {
        self.storage = storage
        let pid = getpid()
        for _ in 0..<2 {
            if try storage.createExclusive(Self.fileName, contents: Array("\(pid)\n".utf8)) { return }
            let holder = Self.holder(in: storage)
            if let holder, holder == pid || kill(holder, 0) == 0 || errno == EPERM {
                throw IndexError(.locked(holder), file: storage.location, reason: "locked by pid \(holder)")
            }
            try storage.remove(Self.fileName)
        }
        throw IndexError(.locked(0), file: storage.location, reason: "could not take the writer lock")
    }

    /// The pid recorded in the lock file, if it can be read.
    private static func holder(in storage: any Storage) -> pid_t? {
        guard let file = try? storage.open(fileName) else { return nil }
        return pid_t(String(decoding: file.bytes, as: UTF8.self).filter { !$0.isWhitespace })
    }

    func release() {
        guard held else { return }
        held = false
        try? storage.remove(Self.fileName)
    }

    deinit { release() }
}
