/// What incremental indexing remembers about the file a document came from: where it is,
/// and the size, mtime and content hash that tell whether it changed.
public struct SourceStamp: Sendable, Equatable {
    /// The file's absolute path: the document's identity across runs.
    public var absolutePath: String
    public var size: Int
    /// Modification time in nanoseconds since 1970.
    public var modified: Int64
    /// XXH64 of the file's bytes (`XXHash64.hash`), to confirm a change that size and mtime suggest.
    public var contentHash: UInt64

    public init(absolutePath: String, size: Int, modified: Int64, contentHash: UInt64) {
        self.absolutePath = absolutePath
        self.size = size
        self.modified = modified
        self.contentHash = contentHash
    }
}
