import Synchronization

/// One immutable segment of an open snapshot: term lookups and postings cursors per field,
/// stored passages and documents, norms, field statistics and the deletion set.
///
/// Opening maps the files and checks their frames; no postings are read, and a byte of the
/// large files is checksummed (by its chunk) only when a read first touches it. Everything a
/// searcher needs per segment hangs off this object, which stays valid (its files mapped)
/// for as long as it is referenced, whatever a writer does meanwhile.
public final class SegmentReader: @unchecked Sendable {
    public let info: SegmentInfo
    let dictionary: TermDictionary
    let passageStore: RecordStore
    let documentStore: RecordStore
    private let files: [MappedFile]
    private let facts = Mutex<DocumentFacts?>(nil)
    private let deletionFileSize: Int
    let postingsFile: CheckedFile
    let positionsFile: CheckedFile
    /// The large files, verified chunk by chunk as reads touch them.
    private let checkedFiles: [CheckedFile]
    private let normViews: [NormsView]
    /// The deletions of this snapshot.
    public let deletions: SegmentDeletions

    /// Lets the pages of its files read so far leave resident memory (`MappedFile.dropResidentPages`).
    func dropResidentPages() {
        for file in files { file.dropResidentPages() }
    }

    /// Opens the segment's files. `verify` applies to the large files (terms, postings,
    /// positions, passages); the small ones (norms, documents, deletions) are always checksummed.
    init(storage: any Storage, info: SegmentInfo, verify: Verification) throws {
        self.info = info
        func open(_ ext: String) throws -> MappedFile { try storage.open(info.fileName(ext)) }
        let terms = try open("terms"), postings = try open("postings"), positions = try open("positions")
        let norms = try open("norms"), passages = try open("passages"), documents = try open("documents")
        files = [terms, postings, positions, norms, passages, documents]
        let checkedTerms = try CheckedFile(terms, kind: .terms, verify: verify)
        postingsFile = try CheckedFile(postings, kind: .postings, verify: verify)
        positionsFile = try CheckedFile(positions, kind: .positions, verify: verify)
        let checkedPassages = try CheckedFile(passages, kind: .passages, verify: verify)
        checkedFiles = [checkedTerms, postingsFile, positionsFile, checkedPassages]
        dictionary = try TermDictionary(checkedTerms)
        // Every hit reads its document record, from a store a fraction of the passages' size:
        // keeping up to 1 MB of it decompressed spares most reads a block decompression.
        passageStore = try RecordStore(checkedPassages, cachedBlocks: 32)
        documentStore = try RecordStore(
            try CheckedFile(documents, kind: .documents, verify: .checksum), cachedBlocks: 256)
        normViews = try Self.readNorms(norms, passageCount: info.passageCount)
        if let name = info.deletionFile {
            let file = try storage.open(name)
            deletions = try SegmentDeletions.read(file)
            deletionFileSize = file.bytes.count
        } else {
            deletionFileSize = 0
            deletions = SegmentDeletions(passageCount: info.passageCount, documentCount: info.documentCount)
        }
        guard passageStore.recordCount == info.passageCount, passageStore.extraCount == 2 * info.passageCount else {
            throw IndexError.damaged(passages.name, "holds \(passageStore.recordCount) passages, manifest says \(info.passageCount)")
        }
        guard documentStore.recordCount == info.documentCount, documentStore.extraCount == info.documentCount + 1 else {
            throw IndexError.damaged(documents.name, "holds \(documentStore.recordCount) documents, manifest says \(info.documentCount)")
        }
        var previous: UInt32 = 0
        for n in 0...info.documentCount {
            let start = documentStore.extraValue(n)
            guard start >= previous, start <= UInt32(info.passageCount) else {
                throw IndexError.damaged(documents.name, "passage ranges out of order at document \(n)")
            }
            previous = start
        }
        guard previous == UInt32(info.passageCount) else {
            throw IndexError.damaged(documents.name, "passage ranges do not cover the segment")
        }
        guard deletions.passages.capacity == info.passageCount, deletions.passages.count == info.deletedCount,
              deletions.documents.capacity == info.documentCount,
              deletions.documents.count == info.deletedDocumentCount
        else {
            throw IndexError.damaged(info.deletionFile ?? info.name, "deletion set does not match the manifest")
        }
    }

    private static func readNorms(_ file: MappedFile, passageCount: Int) throws -> [NormsView] {
        let payload = try file.payload(.norms, verify: .checksum)
        var reader = ByteReader(payload, file: file.name)
        guard try reader.fixed(UInt32.self) == UInt32(passageCount) else {
            throw IndexError.damaged(file.name, "passage count does not match the manifest")
        }
        var views: [NormsView] = []
        for _ in IndexField.allCases {
            let width = Int(try reader.byte())
            guard width == 1 || width == 2 || width == 4 else { throw reader.damaged("bad norm width \(width)") }
            let bytes = try reader.raw(width * passageCount)
            views.append(NormsView(base: bytes.baseAddress, width: width, count: passageCount))
        }
        return views
    }

    public var passageCount: Int { info.passageCount }
    public var documentCount: Int { info.documentCount }
    /// Passages not deleted.
    public var liveCount: Int { info.passageCount - deletions.passages.count }
    /// Documents not deleted.
    public var liveDocumentCount: Int { info.documentCount - deletions.documents.count }

    @inlinable
    public func isDeleted(_ passage: PassageNumber) -> Bool { deletions.passages.contains(Int(passage.rawValue)) }

    public func isDeleted(_ document: DocumentNumber) -> Bool { deletions.documents.contains(Int(document.rawValue)) }

    public func statistics(_ field: IndexField) -> FieldStatistics { info.fieldStatistics[Int(field.rawValue)] }

    /// Field lengths of `field`, indexed by passage number.
    public func norms(_ field: IndexField) -> NormsView { normViews[Int(field.rawValue)] }

    /// Distinct terms of `field` in this segment.
    public func termCount(_ field: IndexField) -> Int { dictionary.fieldTermCounts[Int(field.rawValue)] }

    /// Runs `body` with the dictionary key (field byte + term bytes) of `term`.
    private func withKey<T>(_ field: IndexField, _ term: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: term.count + 1) { key in
            key[0] = field.rawValue
            if let source = term.baseAddress, let target = key.baseAddress {
                (target + 1).initialize(from: source.assumingMemoryBound(to: UInt8.self), count: term.count)
            }
            return try body(UnsafeRawBufferPointer(key))
        }
    }

    /// The dictionary entry of an analysed term (UTF-8 bytes), or `nil` if absent.
    ///
    /// Each call is one dictionary lookup (a binary search over the blocks' first keys and a
    /// scan of one block): a searcher keeps what it found for the rest of its query.
    public func termInfo(_ field: IndexField, term: UnsafeRawBufferPointer) throws -> TermInfo? {
        try withKey(field, term) { try dictionary.lookup($0) }
    }

    /// A cursor over the postings of an analysed term, or `nil` if the term is absent.
    public func postings(_ field: IndexField, term: UnsafeRawBufferPointer) throws -> PostingsCursor? {
        guard let info = try termInfo(field, term: term) else { return nil }
        return PostingsCursor(segment: self, info: info)
    }

    public func postings(_ field: IndexField, term: String) throws -> PostingsCursor? {
        var copy = term
        return try copy.withUTF8 { try postings(field, term: UnsafeRawBufferPointer($0)) }
    }

    /// A cursor for a term found by `termInfo(_:term:)` or `terms(_:prefix:_:)`.
    public func postings(_ info: TermInfo) -> PostingsCursor {
        PostingsCursor(segment: self, info: info)
    }

    /// Every term of `field` starting with `prefix` (UTF-8 bytes), in byte order, with its
    /// entry, until `body` returns false. `term` is valid only during the call.
    public func terms(
        _ field: IndexField, prefix: UnsafeRawBufferPointer,
        _ body: (_ term: UnsafeRawBufferPointer, TermInfo) throws -> Bool
    ) throws {
        try withKey(field, prefix) { key in
            try dictionary.forEach(prefix: key) { candidate, info in
                try body(UnsafeRawBufferPointer(rebasing: candidate[1...]), info)
            }
        }
    }

    /// The stored passage `number` (decompresses one block of the passage store).
    public func passage(_ number: PassageNumber) throws -> StoredPassage {
        try passageStore.withRecord(Int(number.rawValue)) { try StoredPassage.decode(&$0, id: passageID(number)) }
    }

    /// Starts loading what reading passages `numbers` touches first (their block index
    /// entries and passage IDs, then the ends of their compressed blocks), without waiting:
    /// a hint before reading a page of hits, so that their cache misses overlap instead of
    /// coming one after another. Reads nothing it returns; damage is left to `passage(_:)`.
    public func prefetchPassages(_ numbers: [PassageNumber]) {
        for number in numbers {
            let n = Int(number.rawValue)
            passageStore.prefetchIndexEntry(of: n, extraIndices: 2 * n..<2 * n + 2)
        }
        for number in numbers { passageStore.prefetchFrame(of: Int(number.rawValue)) }
    }

    /// The `PassageID` of passage `number`, without touching the compressed store
    /// (0 for a number out of range, or if its bytes fail their checksum: see `damage`).
    public func passageID(_ number: PassageNumber) -> PassageID {
        let n = Int(number.rawValue) * 2
        guard Int(number.rawValue) < passageCount, passageStore.extraIsIntact(n..<n + 2) else { return PassageID(rawValue: 0) }
        return PassageID(rawValue: UInt64(passageStore.extraValue(n)) | UInt64(passageStore.extraValue(n + 1)) << 32)
    }

    /// The passage with identity `id` in this segment, if any (a scan of an 8-byte array;
    /// `nil` if the array fails its checksum: see `damage`).
    public func passageNumber(of id: PassageID) -> PassageNumber? {
        guard passageStore.extraIsIntact(0..<2 * passageCount) else { return nil }
        let low = UInt32(truncatingIfNeeded: id.rawValue), high = UInt32(truncatingIfNeeded: id.rawValue >> 32)
        for n in 0..<passageCount where passageStore.extraValue(2 * n) == low && passageStore.extraValue(2 * n + 1) == high {
            return PassageNumber(n)
        }
        return nil
    }

    public func document(_ number: DocumentNumber) throws -> StoredDocument {
        try documentStore.withRecord(Int(number.rawValue)) { try StoredDocument.decode(&$0) }
    }

    /// Every document in order, decompressing each block of the table once: for filters
    /// (`path:`, `lang:`) evaluated once per segment. Deleted documents are included.
    public func forEachDocument(_ body: (DocumentNumber, StoredDocument) throws -> Void) throws {
        try documentStore.forEach { number, record in try body(DocumentNumber(number), try StoredDocument.decode(&record)) }
    }

    /// Every passage in order, decompressing each block of the store once.
    public func forEachPassage(_ body: (PassageNumber, StoredPassage) throws -> Void) throws {
        try passageStore.forEach { number, record in
            try body(PassageNumber(number), try StoredPassage.decode(&record, id: passageID(PassageNumber(number))))
        }
    }

    /// The path (as cited, relative to the indexed root) of every document, and its language:
    /// what `path:` and `lang:` filters test, decoded once on first use.
    public struct DocumentFacts: Sendable {
        public var paths: [String]
        public var languages: [String?]
    }

    /// Paths and languages of all documents, decoded from the document table on first use.
    public func documentFacts() throws -> DocumentFacts {
        if let cached = facts.withLock({ $0 }) { return cached }
        var paths: [String] = [], languages: [String?] = []
        paths.reserveCapacity(documentCount)
        languages.reserveCapacity(documentCount)
        try forEachDocument { _, stored in
            paths.append(stored.document.path)
            languages.append(stored.document.language)
        }
        let result = DocumentFacts(paths: paths, languages: languages)
        facts.withLock { $0 = result }
        return result
    }

    /// The document holding passage `passage` (a search of the documents' first passages
    /// from where it would lie if documents were of equal length; no decompression).
    public func documentNumber(of passage: PassageNumber) -> DocumentNumber {
        guard documentCount > 0 else { return DocumentNumber(0) }
        let number = Int(passage.rawValue)
        return DocumentNumber(SortedSearch.lastIndex(
            atMost: number, count: documentCount,
            guess: SortedSearch.proportionalGuess(number, of: passageCount, over: documentCount)
        ) { Int(documentStore.extraValue($0)) })
    }

    /// First passage of document `number` and the passage count, without decompression.
    public func passageRange(of number: DocumentNumber) -> Range<PassageNumber> {
        let n = Int(number.rawValue)
        guard n < documentCount else { return PassageNumber.end..<PassageNumber.end }
        return PassageNumber(rawValue: documentStore.extraValue(n))..<PassageNumber(rawValue: documentStore.extraValue(n + 1))
    }

    /// The first checksum mismatch a read of this segment's large files met, if any.
    ///
    /// Reads that cannot throw (postings cursors, passage IDs) end early or answer nothing on
    /// damage; a caller checks this after a search so that such an answer is never served.
    public var damage: IndexError? {
        for file in checkedFiles { if let damage = file.damage { return damage } }
        return nil
    }

    /// Hashes every chunk of the large files against its table entry (for `citex check`).
    func verifyEveryChunk() throws {
        for file in checkedFiles { try file.verifyEveryChunk() }
    }

    /// Bytes on disk per part (file extension), for `citex stats`.
    func fileSizes() -> [String: Int] {
        var sizes: [String: Int] = [:]
        for file in files { sizes[String(file.name.split(separator: ".").last ?? ""), default: 0] += file.bytes.count }
        sizes["deletions"] = deletionFileSize
        return sizes
    }
}
