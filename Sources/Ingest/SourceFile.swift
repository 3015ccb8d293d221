/// A file found under an indexed root, with what incremental indexing compares.
public struct SourceFile: Sendable, Equatable {
    /// Where to read it.
    public var absolutePath: String
    /// What citations show: the path relative to the root it was found under.
    public var relativePath: String
    public var size: Int
    /// Modification time in nanoseconds since 1970.
    public var modified: Int64

    public init(absolutePath: String, relativePath: String, size: Int, modified: Int64) {
        self.absolutePath = absolutePath
        self.relativePath = relativePath
        self.size = size
        self.modified = modified
    }
}
