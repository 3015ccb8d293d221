import Analysis

/// The one writer of an index: adds, replaces and removes documents, flushes segments
/// within a memory budget, merges, and commits atomically.
///
/// Holds the writer lock from `init` until `close()` (or deinit); a second writer, in this
/// process or another, is refused with `IndexError.Kind.locked`. Nothing is visible to
/// readers until `commit()`; an error during a commit leaves the previous commit intact and
/// this writer unusable (open a new one: it cleans up the leftovers).
public final class IndexWriter {
    public struct Options: Sendable {
        /// Bytes of buffered postings and stored text, plus the per-file records the writer
        /// keeps (`DocumentRegistry`), before a segment is flushed. The buffer always gets at
        /// least half of it, so an index of very many files flushes more often, never at every
        /// document.
        public var memoryBudget: Int
        public var mergePolicy: MergePolicy
        /// Analyzer settings for a new (or rebuilt) index; an existing index keeps its own.
        public var settings: IndexSettings
        /// Start from an empty index (the old commit stays readable until the first commit).
        public var rebuild: Bool
        /// Commit after every flush, so a long run interrupted (even by SIGKILL) keeps the
        /// documents flushed so far. Each commit is still whole per document: a replaced
        /// document's old version is deleted only when its new version is flushed.
        public var commitOnFlush: Bool

        public init(
            memoryBudget: Int = 512 << 20, mergePolicy: MergePolicy = MergePolicy(),
            settings: IndexSettings = IndexSettings(), rebuild: Bool = false, commitOnFlush: Bool = false
        ) {
            self.memoryBudget = memoryBudget
            self.mergePolicy = mergePolicy
            self.settings = settings
            self.rebuild = rebuild
            self.commitOnFlush = commitOnFlush
        }
    }

    /// A segment of the working set and its (possibly uncommitted) deletions.
    struct WorkingSegment {
        var info: SegmentInfo
        var deletions: SegmentDeletions
        var deletionsChanged: Bool
        /// Document number → registry record, for documents live in this segment.
        var records: [DocumentRegistry.Record?]
    }

    let storage: any Storage
    let options: Options
    private(set) var lock: WriteLock?
    var manifest: Manifest
    var segments: [WorkingSegment] = []
    var registry = DocumentRegistry()
    var buffer: SegmentBuffer
    var bufferRecords: [DocumentRegistry.Record?] = []
    var readers: [String: SegmentReader] = [:]
    /// Old versions of documents replaced by buffered ones, deleted when the buffer is flushed.
    var replaced: [(segment: String, document: DocumentNumber, passages: Range<PassageNumber>)] = []
    var failed = false
    /// Whether anything changed since the last commit (a rebuild counts as a change).
    public internal(set) var hasChanges = false
    /// Segments flushed since the last commit.
    public internal(set) var flushCount = 0

    /// Opens (or creates) the index in `storage` for writing.
    public init(storage: any Storage, options: Options = Options()) throws {
        self.storage = storage
        self.options = options
        lock = try WriteLock(storage: storage)
        let latest = try Manifest.latestGeneration(in: storage)
        let existing: Manifest?
        do {
            existing = try latest.map { try Manifest.read(from: storage, generation: $0) }
        } catch let error as IndexError where error.kind == .damaged && options.rebuild {
            // `--rebuild` is the advice for a damaged manifest, so it must not need one.
            existing = nil
        }
        let generation = existing?.generation ?? latest ?? 0
        if let existing, !options.rebuild {
            guard existing.settings.analyzerVersion == Analyzer.version else {
                throw IndexError(
                    .invalid, file: storage.location,
                    reason: "index built with analyzer version \(existing.settings.analyzerVersion), this citex analyses "
                        + "with version \(Analyzer.version); rebuild it with `citex index --rebuild`")
            }
            manifest = existing
        } else {
            manifest = Manifest(
                generation: generation, nextSegment: existing?.nextSegment ?? 1, settings: options.settings, segments: [])
        }
        buffer = SegmentBuffer(analyzer: manifest.settings.analyzer)
        hasChanges = options.rebuild
        try removeUnreferencedFiles(keeping: existing?.files ?? [])
        for info in manifest.segments { try load(info) }
    }

    /// Reads a committed segment's live documents into the registry.
    private func load(_ info: SegmentInfo) throws {
        let reader = try reader(info)
        var records = [DocumentRegistry.Record?](repeating: nil, count: info.documentCount)
        let segment = registry.segmentNumber(info.name)
        try reader.documentStore.forEach { number, record in
            guard !reader.isDeleted(DocumentNumber(number)) else { return }
            let document = try StoredDocument.decode(&record)
            records[number] = registry.register(
                document.source, segment: segment, document: DocumentNumber(number),
                passages: reader.passageRange(of: DocumentNumber(number)), seen: false)
        }
        segments.append(WorkingSegment(info: info, deletions: reader.deletions, deletionsChanged: false, records: records))
    }

    func reader(_ info: SegmentInfo) throws -> SegmentReader {
        if let cached = readers[info.name], cached.info.deletionGeneration == info.deletionGeneration { return cached }
        let reader = try SegmentReader(storage: storage, info: info, verify: .onFirstRead)
        readers[info.name] = reader
        return reader
    }

    /// The generation of the last commit (0 before the first).
    public var generation: UInt64 { manifest.generation }

    /// The analyzer settings of the index being written.
    public var settings: IndexSettings { manifest.settings }

    /// The stamp of the live document from `absolutePath`, if indexed.
    public func stamp(of absolutePath: String) -> SourceStamp? { registry.find(absolutePath).map(registry.stamp) }

    /// Source paths of every live document.
    public var absolutePaths: [String] { registry.liveRecords.map(registry.path) }

    /// The stamp of the live document from `absolutePath`, if indexed, marking it seen:
    /// `removeUnseen` then leaves it alone. Documents added by this writer count as seen.
    public func visit(_ absolutePath: String) -> SourceStamp? { registry.visit(absolutePath).map(registry.stamp) }

    /// Removes every live document neither added nor visited by this writer whose path
    /// satisfies `isGone`; returns how many were removed.
    ///
    /// This is how a run drops the documents of files that disappeared without holding a set
    /// of every path it saw.
    @discardableResult
    public func removeUnseen(where isGone: (String) -> Bool) -> Int {
        var removed = 0
        for record in registry.unseenRecords where isGone(registry.path(record)) {
            remove(record)
            removed += 1
        }
        return removed
    }

    /// Bytes of the records kept per known document (the registry and each segment's map to
    /// it), which grow with the number of files and are counted against the budget.
    public var recordBytes: Int {
        registry.estimatedBytes + (segments.reduce(0) { $0 + $1.records.count } + bufferRecords.count)
            * MemoryLayout<DocumentRegistry.Record?>.stride
    }

    /// What the buffer may hold before a flush: the budget less the per-file records, but at
    /// least half the budget.
    var bufferBudget: Int { max(options.memoryBudget - recordBytes, options.memoryBudget / 2) }

    private func checkUsable() throws {
        if failed || lock == nil {
            throw IndexError(.invalid, file: storage.location, reason: "writer closed after an earlier failure; open a new one")
        }
    }

    /// Adds `document`, replacing any document from the same source path (the old version
    /// disappears in the same commit the new one appears in).
    public func add(_ document: Document, source: SourceStamp) throws {
        try checkUsable()
        // A large document gets the buffer to itself: flushing first keeps the peak near the
        // budget plus one document, not twice the budget.
        if !buffer.isEmpty, buffer.estimatedBytes + SegmentBuffer.estimatedBytes(of: document) >= bufferBudget {
            try flush()
            if options.commitOnFlush { try commit() }
        }
        if let old = registry.find(source.absolutePath) {
            if let name = registry.segment(old) {
                replaced.append((name, registry.document(old), registry.passages(old)))
            } else {
                bufferRecords[Int(registry.document(old).rawValue)] = nil
            }
        }
        let first = PassageNumber(buffer.passageCount)
        let number = buffer.add(document, source: source)
        bufferRecords.append(registry.register(
            source, segment: DocumentRegistry.buffered, document: number,
            passages: first..<PassageNumber(buffer.passageCount)))
        hasChanges = true
        if buffer.estimatedBytes >= bufferBudget {
            try flush()
            if options.commitOnFlush { try commit() }
        }
    }

    /// Removes the document from `absolutePath` (with all its passages); false if absent.
    @discardableResult
    public func remove(absolutePath: String) -> Bool {
        guard let record = registry.find(absolutePath) else { return false }
        remove(record)
        return true
    }

    private func remove(_ record: DocumentRegistry.Record) {
        hasChanges = true
        if let name = registry.segment(record) {
            delete(registry.document(record), passages: registry.passages(record), inSegment: name)
        } else {
            bufferRecords[Int(registry.document(record).rawValue)] = nil
        }
        registry.remove(record)
    }

    /// Marks a document of a segment and its passages deleted.
    private func delete(_ number: DocumentNumber, passages: Range<PassageNumber>, inSegment name: String) {
        guard let index = segments.firstIndex(where: { $0.info.name == name }) else { return }
        segments[index].deletions.documents.insert(Int(number.rawValue))
        for passage in passages.lowerBound.rawValue..<passages.upperBound.rawValue {
            segments[index].deletions.passages.insert(Int(passage))
        }
        segments[index].deletionsChanged = true
        segments[index].records[Int(number.rawValue)] = nil
    }

    /// Writes the buffered documents as a new (uncommitted) segment.
    func flush() throws {
        guard !buffer.isEmpty else { return }
        let name = "seg\(manifest.nextSegment)"
        manifest.nextSegment += 1
        let info: SegmentInfo
        do {
            info = try buffer.write(to: storage, name: name)
        } catch {
            failed = true
            throw error
        }
        var segment = WorkingSegment(
            info: info, deletions: SegmentDeletions(passageCount: info.passageCount, documentCount: info.documentCount),
            deletionsChanged: false, records: bufferRecords)
        let column = registry.segmentNumber(name)
        for (number, record) in bufferRecords.enumerated() {
            let document = buffer.documents[number]
            let range = document.firstPassage..<PassageNumber(Int(document.firstPassage.rawValue) + document.passageCount)
            if let record {
                registry.move(record, segment: column, document: DocumentNumber(number), passages: range)
            } else {
                segment.deletions.documents.insert(number)
                for passage in range.lowerBound.rawValue..<range.upperBound.rawValue {
                    segment.deletions.passages.insert(Int(passage))
                }
                segment.deletionsChanged = true
            }
        }
        segments.append(segment)
        for old in replaced { delete(old.document, passages: old.passages, inSegment: old.segment) }
        replaced = []
        buffer = SegmentBuffer(analyzer: manifest.settings.analyzer)
        bufferRecords = []
        flushCount += 1
    }

    /// Releases the lock; uncommitted changes are dropped.
    public func close() {
        if lock != nil, failed || flushCount > 0 { removeAbandonedFiles() }
        lock?.release()
        lock = nil
    }

    /// Removes the segments this writer wrote but never committed, so a disk that filled up
    /// gets its space back at once rather than at the next run. What is kept is read from the
    /// newest manifest on disk (not `manifest`, which a rebuild has emptied); when that cannot
    /// be read nothing is removed.
    private func removeAbandonedFiles() {
        let keeping: Set<String>
        do {
            keeping = try Manifest.latestGeneration(in: storage).map { try Manifest.read(from: storage, generation: $0).files } ?? []
        } catch {
            return
        }
        try? removeUnreferencedFiles(keeping: keeping)
    }
}
