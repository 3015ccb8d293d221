#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the pages under the roots a person names.
///
/// Iterative (an explicit stack of folders), skips hidden entries, follows symbolic links but
/// visits each real folder once (device and inode), so a link back up the tree cannot loop.
public enum SourceWalker {
    /// A file that was passed over, and why.
    public struct Skipped: Sendable, Equatable {
        public var path: String
        public var reason: String
        /// A root the person named (a missing path, an unsupported file), as opposed to a file
        /// found inside a folder: callers treat these as errors.
        public var isRoot: Bool

        public init(path: String, reason: String, isRoot: Bool = false) {
            self.path = path
            self.reason = reason
            self.isRoot = isRoot
        }
    }

    /// Every HTML or XML file under `roots` (files named directly count too), sorted by relative
    /// path within each root, roots in the order given. A file's `relativePath` is relative to the
    /// root it was found under; a root that is a file is cited by its file name.
    ///
    /// Files are found already in that order (see `walkDirectory`), so the list is never sorted
    /// or copied: it is the only per-file memory of the walk.
    public static func walk(_ roots: [String]) -> (files: SourceList, skipped: [Skipped]) {
        var files = SourceList()
        var skipped: [Skipped] = []
        for root in roots {
            var info = stat()
            guard stat(root, &info) == 0 else {
                skipped.append(Skipped(path: root, reason: "no such file or directory", isRoot: true))
                continue
            }
            if isDirectory(info) {
                walkDirectory(root, files: &files, skipped: &skipped)
            } else {
                let name = root.split(separator: "/").last.map(String.init) ?? root
                if let reason = rejection(of: root, info: info) {
                    skipped.append(Skipped(path: root, reason: reason, isRoot: true))
                } else {
                    files.beginRoot(prefix: String(root.dropLast(name.count)))
                    append(relative: name, info: info, to: &files)
                }
            }
        }
        return (files, skipped)
    }

    /// What is left to visit, in reverse order of visiting.
    private enum Pending {
        case file(String, stat)
        case directory(String)
    }

    /// Depth first, each folder's entries ordered by name with a `/` after folder names: then a
    /// folder's files come out exactly where sorting all relative paths would put them, since
    /// everything inside folder `d` starts with `d/` and no other entry's name holds a `/`.
    private static func walkDirectory(_ root: String, files: inout SourceList, skipped: inout [Skipped]) {
        let base = root.hasSuffix("/") ? String(root.dropLast()) : root
        files.beginRoot(prefix: base + "/")
        var visited: Set<[UInt64]> = []
        var pending: [Pending] = [.directory("")]
        while let next = pending.popLast() {
            let relative: String
            switch next {
            case .file(let path, let info):
                append(relative: path, info: info, to: &files)
                continue
            case .directory(let path):
                relative = path
            }
            let absolute = relative.isEmpty ? base : base + "/" + relative
            var info = stat()
            guard stat(absolute, &info) == 0, visited.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted else {
                continue
            }
            guard let directory = opendir(absolute) else {
                skipped.append(Skipped(path: relative.isEmpty ? root : relative, reason: "cannot open folder"))
                continue
            }
            var names: [String] = []
            while let entry = readdir(directory) {
                let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix(while: { $0 != 0 })) }
                let name = String(decoding: bytes, as: UTF8.self)
                if name.hasPrefix(".") { continue }
                // Paths are text everywhere after this (document identity, citations), and a
                // lossy decoding would name a file that does not exist.
                guard String(validating: bytes, as: UTF8.self) != nil else {
                    let shown = relative.isEmpty ? name : relative + "/" + name
                    skipped.append(Skipped(path: shown, reason: "file name is not valid UTF-8 (rename the file to index it)"))
                    continue
                }
                names.append(name)
            }
            closedir(directory)
            var children: [(key: String, entry: Pending)] = []
            for name in names.sorted() {
                let childRelative = relative.isEmpty ? name : relative + "/" + name
                let childAbsolute = base + "/" + childRelative
                var child = stat()
                guard stat(childAbsolute, &child) == 0 else {
                    skipped.append(Skipped(path: childRelative, reason: "broken symbolic link"))
                    continue
                }
                if isDirectory(child) {
                    children.append((name + "/", .directory(childRelative)))
                } else if let reason = rejection(of: childAbsolute, info: child) {
                    skipped.append(Skipped(path: childRelative, reason: reason))
                } else {
                    children.append((name, .file(childRelative, child)))
                }
            }
            pending.append(contentsOf: children.sorted { $0.key > $1.key }.lazy.map(\.entry))
        }
    }

    private static func isDirectory(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFDIR }

    /// Why a file is not a page, or nil when it is one (by extension, else by its first bytes).
    private static func rejection(of path: String, info: stat) -> String? {
        guard info.st_mode & S_IFMT == S_IFREG else { return "not a regular file" }
        if SourceFormat.claimed(byPath: path) != nil { return nil }
        guard let head = readHead(path) else { return "cannot read file" }
        let sniffed = head.withUnsafeBufferPointer { SourceFormat.detect($0, path: path) }
        return sniffed == nil ? "not HTML or XML (by extension and content)" : nil
    }

    private static func readHead(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 2048)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        return count < 0 ? nil : Array(buffer.prefix(count))
    }

    private static func append(relative: String, info: stat, to files: inout SourceList) {
        #if canImport(Darwin)
        let modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #else
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #endif
        files.append(relativePath: relative, size: Int(info.st_size), modified: modified)
    }
}
