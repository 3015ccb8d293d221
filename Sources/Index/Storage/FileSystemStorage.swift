#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real `Storage`: a POSIX directory, files read by `mmap`, writes made durable by `fsync`.
///
/// Removing a file another process has mapped is safe on Linux and macOS: the mapping keeps
/// the inode alive until it is unmapped, so a writer may delete segments under a reader.
public struct FileSystemStorage: Storage {
    public let location: String

    /// Opens the directory at `path`, creating it (and its parents) when `create` is set.
    public init(path: String, create: Bool = false) throws {
        location = path
        if create { try Self.makeDirectories(path) }
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw IndexError(.noIndex, file: path, reason: "not a directory")
        }
    }

    private static func makeDirectories(_ path: String) throws {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component + "/"
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw IndexError(.io(errno), file: prefix, reason: "cannot create folder: \(Self.message(errno))")
            }
        }
    }

    private func path(_ name: String) -> String { location + "/" + name }

    static func message(_ code: Int32) -> String { String(cString: strerror(code)) }

    private func failure(_ name: String, _ action: String) -> IndexError {
        let code = errno
        return IndexError(.io(code), file: path(name), reason: "cannot \(action): \(Self.message(code))")
    }

    public func list() throws -> [String] {
        guard let directory = opendir(location) else { throw failure("", "list folder") }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    public func open(_ name: String) throws -> MappedFile {
        let fd = Glibc.open(path(name), O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure(name, "open") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw failure(name, "stat") }
        let count = Int(info.st_size)
        guard count > 0 else {
            return MappedFile(name: name, bytes: UnsafeRawBufferPointer(start: nil, count: 0)) { _ in }
        }
        guard let base = mmap(nil, count, PROT_READ, MAP_SHARED, fd, 0), base != MAP_FAILED else {
            throw failure(name, "map")
        }
        return MappedFile(
            name: name, bytes: UnsafeRawBufferPointer(start: base, count: count),
            release: { bytes in munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count) },
            evict: { bytes in _ = madvise(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count, MADV_DONTNEED) })
    }

    public func create(_ name: String) throws -> any StorageOutput {
        let fd = Glibc.open(path(name), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure(name, "create") }
        return FileOutput(fd: fd, path: path(name))
    }

    public func lock(_ name: String, owner: [UInt8]) throws -> (lock: (any StorageLock)?, holder: [UInt8]) {
        let fd = Glibc.open(path(name), O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure(name, "open lock") }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            var holder = [UInt8](repeating: 0, count: 64)
            let count = holder.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
            close(fd)
            guard code == EWOULDBLOCK else {
                throw IndexError(.io(code), file: path(name), reason: "cannot lock: \(Self.message(code))")
            }
            return (nil, Array(holder.prefix(max(count, 0))))
        }
        guard ftruncate(fd, 0) == 0, owner.withUnsafeBytes({ pwrite(fd, $0.baseAddress, $0.count, 0) }) == owner.count else {
            let error = failure(name, "write lock")
            close(fd)
            throw error
        }
        return (FileLock(fd: fd), owner)
    }

    public func rename(_ from: String, to: String) throws {
        guard Glibc.rename(path(from), path(to)) == 0 else { throw failure(from, "rename to \(to)") }
    }

    public func remove(_ name: String) throws {
        guard unlink(path(name)) == 0 || errno == ENOENT else { throw failure(name, "remove") }
    }

    public func syncDirectory() throws {
        let fd = Glibc.open(location, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw failure("", "open folder") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw failure("", "sync folder") }
    }

    public func size(of name: String) throws -> Int {
        var info = stat()
        guard stat(path(name), &info) == 0 else { throw failure(name, "stat") }
        return Int(info.st_size)
    }
}

/// A file descriptor being written front to back.
final class FileOutput: StorageOutput {
    private var fd: Int32
    private let path: String

    init(fd: Int32, path: String) {
        self.fd = fd
        self.path = path
    }

    deinit { if fd >= 0 { close(fd) } }

    private func failure(_ action: String) -> IndexError {
        let code = errno
        return IndexError(.io(code), file: path, reason: "cannot \(action): \(FileSystemStorage.message(code))")
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw failure("write")
            }
            offset += written
        }
    }

    func finish() throws {
        guard fsync(fd) == 0 else { throw failure("sync") }
        let result = close(fd)
        fd = -1
        guard result == 0 else { throw failure("close") }
    }

    func abandon() {
        if fd >= 0 { close(fd) }
        fd = -1
    }
}

/// A `flock` held on an open lock file; the kernel drops it if the process dies.
///
/// Releasing empties the file but never removes it: a process waiting on the old inode
/// would otherwise get a lock on a file no longer in the folder while a third locks a new one.
final class FileLock: StorageLock {
    private var fd: Int32

    init(fd: Int32) {
        self.fd = fd
    }

    func release() {
        guard fd >= 0 else { return }
        _ = ftruncate(fd, 0)
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }
}
