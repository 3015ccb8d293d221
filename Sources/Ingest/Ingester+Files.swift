#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Index

extension Ingester {
    /// Files parsed per batch: enough to keep every core busy, few enough to bound memory
    /// (at most two batches of documents are alive at once).
    static let batchSize = 64

    /// Reads and parses `files` on all cores, handing each result to `handler` on the calling
    /// thread in input order.
    ///
    /// Batches overlap: while `handler` consumes one batch on the calling thread, the next is being
    /// parsed (`concurrentPerform` on a background queue), so a slow consumer and the parser
    /// share the machine instead of taking turns.
    public func ingest(files: [SourceFile], handler: (SourceFile, Result<Document, IngestError>) -> Void) {
        guard !files.isEmpty else { return }
        let batches = stride(from: 0, to: files.count, by: Self.batchSize).map {
            $0..<min($0 + Self.batchSize, files.count)
        }
        var pending = parseInBackground(files, batches[0])
        for (index, _) in batches.enumerated() {
            let results = pending.wait()
            if index + 1 < batches.count { pending = parseInBackground(files, batches[index + 1]) }
            for (offset, result) in results.enumerated() {
                handler(files[batches[index].lowerBound + offset], result)
            }
        }
    }

    /// Reads and parses one file (the unit of work each core runs).
    public func ingest(file: SourceFile) -> Result<Document, IngestError> {
        guard let contents = Self.contents(of: file.absolutePath, limit: options.maxFileBytes) else {
            return .failure(IngestError(path: file.relativePath, reason: "cannot read file"))
        }
        return contents.withUnsafeBufferPointer { bytes in
            Result { () throws(IngestError) in try ingest(bytes: bytes, path: file.relativePath) }
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

    private func parseInBackground(_ files: [SourceFile], _ range: Range<Int>) -> BatchResults {
        let results = BatchResults(count: range.count)
        let ingester = self
        let batch = Array(files[range])
        results.group.enter()
        DispatchQueue.global(qos: .userInitiated).async {
            DispatchQueue.concurrentPerform(iterations: batch.count) { index in
                results.store(ingester.ingest(file: batch[index]), at: index)
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
    private var slots: [Result<Document, IngestError>?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func store(_ result: Result<Document, IngestError>, at index: Int) {
        slots.withUnsafeMutableBufferPointer { $0[index] = result }
    }

    func wait() -> [Result<Document, IngestError>] {
        group.wait()
        return slots.map { $0 ?? .failure(IngestError(path: "", reason: "not parsed")) }
    }
}
