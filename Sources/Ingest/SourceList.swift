/// The files a walk found, packed: what a run holds per file for its whole length.
///
/// Why packed: a `[SourceFile]` costs two `String`s and their headers per file (about 0.2 KB);
/// here a file costs its relative path's bytes and 28 bytes of columns, and a `SourceFile` is
/// made only when one is read.
///
/// ```
///  prefixes:  per root, what goes before a relative path to make the absolute one
///  bytes:     relative path 0 │ relative path 1 │ …
///  columns:   end of path in `bytes` (Int) │ root (UInt32) │ size (Int) │ mtime (Int64)
/// ```
public struct SourceList: RandomAccessCollection, Sendable, Equatable {
    private var prefixes: [String] = []
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    private var roots: [UInt32] = []
    private var sizes: [Int] = []
    private var modified: [Int64] = []

    public init() {}

    public var startIndex: Int { 0 }
    public var endIndex: Int { ends.count }

    public subscript(position: Int) -> SourceFile {
        let start = position == 0 ? 0 : ends[position - 1]
        let relative = String(decoding: bytes[start..<ends[position]], as: UTF8.self)
        return SourceFile(
            absolutePath: prefixes[Int(roots[position])] + relative, relativePath: relative,
            size: sizes[position], modified: modified[position])
    }

    /// Starts the files of a root: their absolute paths are `prefix` + their relative path.
    mutating func beginRoot(prefix: String) {
        prefixes.append(prefix)
    }

    /// Appends a file of the last root begun.
    mutating func append(relativePath: String, size: Int, modified time: Int64) {
        bytes.append(contentsOf: relativePath.utf8)
        ends.append(bytes.count)
        roots.append(UInt32(prefixes.count - 1))
        sizes.append(size)
        modified.append(time)
    }
}
