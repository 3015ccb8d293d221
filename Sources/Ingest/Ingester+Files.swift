#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Index

extension Ingester {
    /// Files parsed per batch at most: enough to keep every core busy.
    static let batchSize = 64
    /// Default bytes of source per batch (see `ingest(files:batchBytes:handler:)`).
    public static let defaultBatchBytes = 8 << 20

    /// Reads and parses `files` on all cores, handing each result to `handler` on the calling
    /// thread in input order.
    public func ingest<Files: RandomAccessCollection>(
        files: Files, handler: (SourceFile, Result<Document, IngestError>) -> Void
    ) where Files.Element == SourceFile, Files.Index == Int {
        ingest(files: files) { parsed in handler(parsed.file, parsed.result) }
    }

    /// Reads, hashes and parses `files` on all cores, handing each outcome to `handler` on the
    /// calling thread in input order.
    ///
    /// Batches overlap: while `handler` consumes one batch on the calling thread, the next is being
    /// parsed (`concurrentPerform` on a background queue), so a slow consumer and the parser
    /// share the machine instead of taking turns. At most two batches of documents are alive at
    /// once, and a batch holds at most `batchSize` files and `batchBytes` of source (or a single
    /// larger file): a run of multi-megabyte pages then costs what a few of them cost, not 64.
    public func ingest<Files: RandomAccessCollection>(
        files: Files, batchBytes: Int = Ingester.defaultBatchBytes, handler: (ParsedFile) -> Void
    ) where Files.Element == SourceFile, Files.Index == Int {
        var start = files.startIndex
        guard start < files.endIndex else { return }
        var pending = parseInBackground(nextBatch(files, from: &start, batchBytes: batchBytes))
        while true {
            let results = pending.wait()
            let more = start < files.endIndex
            if more { pending = parseInBackground(nextBatch(files, from: &start, batchBytes: batchBytes)) }
            for result in results { handler(result) }
            if !more { return }
        }
    }

    /// Reads and parses one file (the unit of work each core runs).
    public func ingest(file: SourceFile) -> Result<Document, IngestError> { parse(file).result }

    /// The files of the next batch from `start` (advanced past them): at least one file.
    private func nextBatch<Files: RandomAccessCollection>(
        _ files: Files, from start: inout Int, batchBytes: Int
    ) -> [SourceFile] where Files.Element == SourceFile, Files.Index == Int {
        var batch: [SourceFile] = []
        var bytes = 0
        while start < files.endIndex, batch.count < Self.batchSize {
            let file = files[start]
            guard batch.isEmpty || bytes + file.size <= batchBytes else { break }
            bytes += file.size
            batch.append(file)
            start += 1
        }
        return batch
    }

    private func parse(_ file: SourceFile) -> ParsedFile {
        guard file.size <= options.maxFileBytes else {
            return ParsedFile(file: file, contentHash: 0, result: .failure(Self.tooLarge(file.relativePath, options)))
        }
        guard let contents = Self.contents(of: file.absolutePath, limit: options.maxFileBytes) else {
            return ParsedFile(file: file, contentHash: 0, result: .failure(IngestError(path: file.relativePath, reason: "cannot read file")))
        }
        return contents.withUnsafeBufferPointer { bytes in
            ParsedFile(
                file: file, contentHash: XXHash64.hash(UnsafeRawBufferPointer(bytes)),
                result: Result { () throws(IngestError) in try ingest(bytes: bytes, path: file.relativePath) })
        }
    }

    /// The whole file, or its first `limit + 1` bytes (enough for the size check to refuse it);
    /// nil when it cannot be opened or read.
    static func contents(of path: String, limit: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        var contents = [UInt8](repeating: 0, count: min(Int(info.st_size), limit + 1))
        var filled = 0
        while filled < contents.count {
            let count = contents.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return read(descriptor, base + filled, buffer.count - filled)
            }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 { break }
            filled += count
        }
        contents.removeLast(contents.count - filled)
        return contents
    }

    private func parseInBackground(_ batch: [SourceFile]) -> BatchResults {
        let results = BatchResults(batch)
        let ingester = self
        results.group.enter()
        DispatchQueue.global(qos: .userInitiated).async {
            DispatchQueue.concurrentPerform(iterations: batch.count) { index in
                results.store(ingester.parse(batch[index]), at: index)
            }
            results.group.leave()
        }
        return results
    }
}

/// One batch's results, written by worker threads (each slot by exactly one) and read after
/// `wait()`; the dispatch group's wait orders the writes before the reads.
private final class BatchResults: @unchecked Sendable {
    let group = DispatchGroup()
    private let files: [SourceFile]
    private var slots: [ParsedFile?]

    init(_ files: [SourceFile]) {
        self.files = files
        slots = Array(repeating: nil, count: files.count)
    }

    func store(_ result: ParsedFile, at index: Int) {
        slots.withUnsafeMutableBufferPointer { $0[index] = result }
    }

    func wait() -> [ParsedFile] {
        group.wait()
        return slots.enumerated().map { index, slot in
            slot ?? ParsedFile(file: files[index], contentHash: 0, result: .failure(IngestError(path: files[index].relativePath, reason: "not parsed")))
        }
    }
}
