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
    public static func walk(_ roots: [String]) -> (files: [SourceFile], skipped: [Skipped]) {
        var files: [SourceFile] = []
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
                    files.append(sourceFile(root, relative: name, info: info))
                }
            }
        }
        return (files, skipped)
    }

    private static func walkDirectory(_ root: String, files: inout [SourceFile], skipped: inout [Skipped]) {
        let base = root.hasSuffix("/") ? String(root.dropLast()) : root
        var visited: Set<[UInt64]> = []
        var pending: [String] = [""]
        var found: [SourceFile] = []
        while let relative = pending.popLast() {
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
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if !name.hasPrefix(".") { names.append(name) }
            }
            closedir(directory)
            for name in names.sorted(by: >) {
                let childRelative = relative.isEmpty ? name : relative + "/" + name
                let childAbsolute = base + "/" + childRelative
                var child = stat()
                guard stat(childAbsolute, &child) == 0 else {
                    skipped.append(Skipped(path: childRelative, reason: "broken symbolic link"))
                    continue
                }
                if isDirectory(child) {
                    pending.append(childRelative)
                } else if let reason = rejection(of: childAbsolute, info: child) {
                    skipped.append(Skipped(path: childRelative, reason: reason))
                } else {
                    found.append(sourceFile(childAbsolute, relative: childRelative, info: child))
                }
            }
        }
        files.append(contentsOf: found.sorted { $0.relativePath < $1.relativePath })
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

    private static func sourceFile(_ absolute: String, relative: String, info: stat) -> SourceFile {
        #if canImport(Darwin)
        let modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #else
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #endif
        return SourceFile(absolutePath: absolute, relativePath: relative, size: Int(info.st_size), modified: modified)
    }
}
