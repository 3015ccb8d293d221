#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one-writer-at-a-time lock: an exclusive lock on `write.lock` (`flock` on a real
/// folder), with the holder's pid written inside for the message a second writer gets.
///
/// The operating system drops the lock when its process dies, so a lock left by a killed
/// writer is simply taken by the next one, whatever pid the file still names.
final class WriteLock {
    static let fileName = "write.lock"
    private let lock: any StorageLock

    init(storage: any Storage) throws {
        let taken = try storage.lock(Self.fileName, owner: Array("\(getpid())\n".utf8))
        guard let lock = taken.lock else {
            let pid = Int32(String(decoding: taken.holder, as: UTF8.self).filter { !$0.isWhitespace }) ?? 0
            throw IndexError(.locked(pid), file: storage.location, reason: "locked by pid \(pid)")
        }
        self.lock = lock
    }

    func release() {
        lock.release()
    }
}
