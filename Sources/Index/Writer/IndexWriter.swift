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
        /// Bytes of buffered postings and stored text before a segment is flushed.
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

    /// Where a live document is.
    enum Location: Equatable {
        case buffered(DocumentNumber)
        case segment(String, DocumentNumber)
    }

    struct Entry {
        var location: Location
        var stamp: SourceStamp
        var passages: Range<PassageNumber>
    }

    /// A segment of the working set and its (possibly uncommitted) deletions.
    struct WorkingSegment {
        var info: SegmentInfo
        var deletions: SegmentDeletions
        var deletionsChanged: Bool
        /// Document number → absolute path, for documents live in this segment.
        var paths: [String?]
    }

    let storage: any Storage
    let options: Options
    private(set) var lock: WriteLock?
    var manifest: Manifest
    var segments: [WorkingSegment] = []
    var entries: [String: Entry] = [:]
    var buffer: SegmentBuffer
    var bufferPaths: [String?] = []
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
        var paths = [String?](repeating: nil, count: info.documentCount)
        try reader.documentStore.forEach { number, record in
            guard !reader.isDeleted(DocumentNumber(number)) else { return }
            let document = try StoredDocument.decode(&record)
            let path = document.source.absolutePath
            paths[number] = path
            entries[path] = Entry(
                location: .segment(info.name, DocumentNumber(number)), stamp: document.source,
                passages: reader.passageRange(of: DocumentNumber(number)))
        }
        segments.append(WorkingSegment(info: info, deletions: reader.deletions, deletionsChanged: false, paths: paths))
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
    public func stamp(of absolutePath: String) -> SourceStamp? { entries[absolutePath]?.stamp }

    /// Source paths of every live document.
    public var absolutePaths: [String] { Array(entries.keys) }

    private func checkUsable() throws {
        if failed || lock == nil {
            throw IndexError(.invalid, file: storage.location, reason: "writer closed after an earlier failure; open a new one")
        }
    }

    /// Adds `document`, replacing any document from the same source path (the old version
    /// disappears in the same commit the new one appears in).
    public func add(_ document: Document, source: SourceStamp) throws {
        try checkUsable()
        if let old = entries.removeValue(forKey: source.absolutePath) {
            switch old.location {
            case .buffered(let number):
                bufferPaths[Int(number.rawValue)] = nil
            case .segment(let name, let number):
                replaced.append((name, number, old.passages))
            }
        }
        let first = PassageNumber(buffer.passageCount)
        let number = buffer.add(document, source: source)
        bufferPaths.append(source.absolutePath)
        hasChanges = true
        entries[source.absolutePath] = Entry(
            location: .buffered(number), stamp: source,
            passages: first..<PassageNumber(buffer.passageCount))
        if buffer.estimatedBytes >= options.memoryBudget {
            try flush()
            if options.commitOnFlush { try commit() }
        }
    }

    /// Removes the document from `absolutePath` (with all its passages); false if absent.
    @discardableResult
    public func remove(absolutePath: String) -> Bool {
        guard let entry = entries.removeValue(forKey: absolutePath) else { return false }
        hasChanges = true
        switch entry.location {
        case .buffered(let number):
            bufferPaths[Int(number.rawValue)] = nil
        case .segment(let name, let number):
            delete(number, passages: entry.passages, inSegment: name)
        }
        return true
    }

    /// Marks a document of a segment and its passages deleted.
    private func delete(_ number: DocumentNumber, passages: Range<PassageNumber>, inSegment name: String) {
        guard let index = segments.firstIndex(where: { $0.info.name == name }) else { return }
        segments[index].deletions.documents.insert(Int(number.rawValue))
        for passage in passages.lowerBound.rawValue..<passages.upperBound.rawValue {
            segments[index].deletions.passages.insert(Int(passage))
        }
        segments[index].deletionsChanged = true
        segments[index].paths[Int(number.rawValue)] = nil
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
            deletionsChanged: false, paths: bufferPaths)
        for (number, path) in bufferPaths.enumerated() {
            let document = buffer.documents[number]
            let range = document.firstPassage..<PassageNumber(Int(document.firstPassage.rawValue) + document.passageCount)
            if let path {
                entries[path]?.location = .segment(name, DocumentNumber(number))
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
        bufferPaths = []
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
