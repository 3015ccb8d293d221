import Index

/// One file's outcome from the parallel pipeline (`Ingester.ingest(files:batchBytes:handler:)`).
public struct ParsedFile: Sendable {
    public var file: SourceFile
    /// XXH64 of the bytes that were parsed (`XXHash64.hash`), computed on the parse worker so
    /// incremental indexing never reads a new file twice; 0 when the file could not be read.
    public var contentHash: UInt64
    public var result: Result<Document, IngestError>

    public init(file: SourceFile, contentHash: UInt64, result: Result<Document, IngestError>) {
        self.file = file
        self.contentHash = contentHash
        self.result = result
    }
}
