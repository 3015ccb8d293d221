/// A snapshot of the index as of one commit: what a search runs against.
///
/// Opening reads the newest manifest and maps its segments; nothing a writer does later
/// (new commits, merges, deleting old segment files) changes what this snapshot sees.
/// Open a new reader to see newer commits. Thread-safe: share one reader between queries.
///
/// ```swift
/// let index = try IndexReader.open(at: "Index")
/// let analyzer = index.settings.analyzer          // analyse queries like the text
/// for segment in index.segments {
///     guard var cursor = try segment.postings(.text, term: "whale") else { continue }
///     while cursor.passage != .end {
///         if !segment.isDeleted(cursor.passage) { /* score cursor.frequency … */ }
///         cursor.next()
///     }
/// }
/// ```
public final class IndexReader: Sendable {
    public let generation: UInt64
    public let settings: IndexSettings
    public let segments: [SegmentReader]
    public let location: String
    let manifestBytes: Int

    private init(generation: UInt64, settings: IndexSettings, segments: [SegmentReader], location: String, manifestBytes: Int) {
        self.manifestBytes = manifestBytes
        self.generation = generation
        self.settings = settings
        self.segments = segments
        self.location = location
    }

    /// Opens the newest commit of the index folder at `path`.
    public static func open(at path: String, verify: Verification = .onFirstRead) throws -> IndexReader {
        try open(try FileSystemStorage(path: path), verify: verify)
    }

    /// Opens the newest commit in `storage`. `verify: .checksum` checks every byte of every
    /// file (what `citex check` does); `.onFirstRead` checks frames, checksums the small files,
    /// and each chunk of the large ones when a read first touches it.
    ///
    /// A writer may delete the files of an older commit while this runs; if a file vanishes
    /// between reading the manifest and opening it, the newer manifest is read and tried again.
    /// A file missing with no newer commit to explain it is damage, reported by name.
    public static func open(_ storage: any Storage, verify: Verification = .onFirstRead) throws -> IndexReader {
        var attempt = 0
        while true {
            guard let generation = try Manifest.latestGeneration(in: storage) else {
                // Segment files without a manifest: the manifest was deleted, or the first run was
                // interrupted before its commit. Either way only a (re)build brings the index back.
                if let segment = try storage.list().filter(IndexWriter.isIndexFile).min() {
                    throw IndexError.damaged(
                        storage.location + "/manifest-*", "missing, though index files such as \(segment) are here")
                }
                throw IndexError(.noIndex, file: storage.location, reason: "no commit found")
            }
            do {
                let manifest = try Manifest.read(from: storage, generation: generation)
                let segments = try manifest.segments.map { try SegmentReader(storage: storage, info: $0, verify: verify) }
                return IndexReader(
                    generation: generation, settings: manifest.settings, segments: segments, location: storage.location,
                    manifestBytes: (try? storage.size(of: manifest.fileName)) ?? 0)
            } catch let error as IndexError where error.kind == .io(2) {
                // A newer commit explains the vanished file; without one, the file is missing.
                guard attempt < 10, try Manifest.latestGeneration(in: storage) != generation else {
                    throw IndexError.damaged(error.file, "missing: a file of the last commit was deleted")
                }
                attempt += 1
            }
        }
    }

    /// Live (not deleted) passages across segments.
    public var passageCount: Int { segments.reduce(0) { $0 + $1.liveCount } }
    /// Live documents across segments.
    public var documentCount: Int { segments.reduce(0) { $0 + $1.liveDocumentCount } }
    /// Passages across segments, deleted ones included (BM25's N, consistent with `documentFrequency`).
    public var totalPassageCount: Int { segments.reduce(0) { $0 + $1.passageCount } }

    /// Field statistics summed over segments (deleted passages included, as in the postings).
    public func statistics(_ field: IndexField) -> FieldStatistics {
        segments.reduce(FieldStatistics(passageCount: 0, totalLength: 0)) {
            let s = $1.statistics(field)
            return FieldStatistics(passageCount: $0.passageCount + s.passageCount, totalLength: $0.totalLength + s.totalLength)
        }
    }

    /// Passages containing `term` in `field` across segments (BM25's n).
    public func documentFrequency(_ field: IndexField, term: String) throws -> Int {
        var total = 0
        var copy = term
        try copy.withUTF8 { utf8 in
            for segment in segments {
                total += try segment.termInfo(field, term: UnsafeRawBufferPointer(utf8))?.documentFrequency ?? 0
            }
        }
        return total
    }

    /// The first checksum mismatch a read of this snapshot met, if any. A search ends early
    /// or treats a term as absent where it meets damage, so its caller checks this before
    /// serving the answer.
    public var damage: IndexError? {
        for segment in segments { if let damage = segment.damage { return damage } }
        return nil
    }

    /// Where the live passage `id` is, for `citex show ID`.
    public func locate(_ id: PassageID) -> (segment: SegmentReader, passage: PassageNumber)? {
        for segment in segments {
            if let number = segment.passageNumber(of: id), !segment.isDeleted(number) { return (segment, number) }
        }
        return nil
    }
}
