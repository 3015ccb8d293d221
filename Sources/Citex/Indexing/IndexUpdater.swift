#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Index
import Ingest

/// Brings an index up to date with folders of sources: the orchestration behind
/// `citex index` (walk, compare, ingest, delete, commit).
///
/// A file is re-ingested only when its size or mtime changed *and* its content hash differs,
/// so touching a file costs a hash, not a parse. A changed document's old passages are
/// deleted in the same commit that adds the new ones; unchanged passages keep their IDs
/// because the ingester derives IDs from path and text. Every flush is committed, so a run
/// that is interrupted keeps what it flushed and the next run only does the rest.
public enum IndexUpdater {
    /// Runs the update; `progress`, when given, is called on the calling thread after each
    /// file that had to be read.
    public static func run(
        _ options: IndexRunOptions, progress: ((IndexProgress) -> Void)? = nil
    ) throws -> IndexRunSummary {
        let started = Date()
        AllocatorTuning.returnFreedMemory()
        var summary = IndexRunSummary()
        for root in options.roots where !FileManager.default.fileExists(atPath: root) {
            throw IndexError(.invalid, file: root, reason: "no such file or folder")
        }
        let storage = try FileSystemStorage(path: options.index, create: true)
        let writer = try IndexWriter(storage: storage, options: IndexWriter.Options(
            memoryBudget: options.memoryBudget, settings: IndexSettings(stemming: options.stemming),
            rebuild: options.rebuild, commitOnFlush: true))
        defer { writer.close() }

        let walk = SourceWalker.walk(options.roots)
        summary.skipped = walk.skipped.map { IndexRunSummary.Skip(path: $0.path, reason: $0.reason) }
        // Positions in `walk.files`, not copies: a first run over many files stays compact.
        var pending: [Int] = []
        var knownHashes: [String: UInt64] = [:]
        for (position, file) in walk.files.enumerated() {
            let path = IndexLocation.absolute(file.absolutePath)
            guard let stamp = writer.visit(path) else {
                pending.append(position)
                continue
            }
            if stamp.size == file.size && stamp.modified == file.modified {
                summary.unchanged += 1
                continue
            }
            let hash = contentHash(file.absolutePath)
            if hash == stamp.contentHash {
                summary.unchanged += 1
            } else {
                knownHashes[path] = hash
                pending.append(position)
            }
        }

        var failure: (any Error)?
        var done = IndexProgress(
            filesDone: 0, filesTotal: pending.count, bytesDone: 0, bytesTotal: pending.reduce(0) { $0 + walk.files[$1].size },
            elapsed: 0)
        let ingester = Ingester(options: IngestOptions(maxFileBytes: pageLimit(options.memoryBudget)))
        ingester.ingest(files: pending.lazy.map { walk.files[$0] }, batchBytes: batchBytes(options.memoryBudget)) { parsed in
            guard failure == nil else { return }
            let file = parsed.file
            defer {
                done.filesDone += 1
                done.bytesDone += file.size
                done.elapsed = Date().timeIntervalSince(started)
                progress?(done)
            }
            let path = IndexLocation.absolute(file.absolutePath)
            let replacing = writer.stamp(of: path) != nil
            switch parsed.result {
            case .success(let document):
                let stamp = SourceStamp(
                    absolutePath: path, size: file.size, modified: file.modified,
                    contentHash: knownHashes[path] ?? parsed.contentHash)
                do {
                    try writer.add(document, source: stamp)
                } catch {
                    failure = error
                    return
                }
                if replacing { summary.updated += 1 } else { summary.added += 1 }
                summary.passages += document.passages.count
                summary.bytesIngested += file.size
            case .failure(let error):
                let reason = error.isTooLarge ? tooLarge(budget: options.memoryBudget) : error.reason
                summary.skipped.append(IndexRunSummary.Skip(path: error.path, reason: reason))
                if replacing, writer.remove(absolutePath: path) { summary.removed += 1 }
            }
        }
        if let failure { throw failure }

        let roots = options.roots.map(IndexLocation.absolute)
        summary.removed += writer.removeUnseen { path in roots.contains { IndexLocation.isInside(path, $0) } }
        summary.generation = try writer.commit(compact: options.compact)
        writer.close()
        let reader = try IndexReader.open(storage)
        summary.documents = reader.documentCount
        summary.segments = reader.segments.count
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// Bytes of source parsed per batch: two batches of documents are alive at once beside the
    /// writer's buffer, so they get a small share of the budget (1 to 16 MiB).
    static func batchBytes(_ budget: Int) -> Int { min(max(budget / 16, 1 << 20), 16 << 20) }

    /// The largest page a run reads: a page is parsed whole and, with its passages and
    /// postings, takes about 3.5 times its size, so it gets an eighth of the budget (64 MiB
    /// with the default 512 MiB), at least 16 MiB (a budget that small would refuse ordinary
    /// pages) and at most 1 GiB (libxml2 takes an `int` length).
    static func pageLimit(_ budget: Int) -> Int { min(max(budget / 8, 16 << 20), 1 << 30) }

    /// Why a page over `pageLimit` was skipped, and what would index it; the same for every
    /// such page of a run, so the summary counts them under one reason.
    static func tooLarge(budget: Int) -> String {
        let mebibytes = { (bytes: Int) in "\((bytes + (1 << 20) - 1) >> 20)M" }
        return "too large for --memory \(mebibytes(budget)) (a page is parsed whole, taking about 3.5x its size, "
            + "so pages over \(mebibytes(pageLimit(budget))) are skipped; --memory of 8x the page indexes it, up to 1 GiB pages)"
    }

    /// XXH64 of the file's bytes (0 when it cannot be read: it then counts as changed).
    static func contentHash(_ path: String) -> UInt64 {
        guard let data = FileManager.default.contents(atPath: path) else { return 0 }
        return data.withUnsafeBytes { XXHash64.hash($0) }
    }
}
