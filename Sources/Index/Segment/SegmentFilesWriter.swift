/// Writes the six files of one new segment. The one place the segment format is written:
/// flushing the memory buffer and merging segments both feed it, in the same order —
/// passages, then terms in sorted order, then `finish` with norms — and documents at any
/// time, one by one, so a merge never holds the merged segments' document table in memory.
///
/// Files (every one framed by `IndexFile`: magic, version, checksum footer):
/// - `NAME.terms`     term dictionary (`TermDictionaryWriter`)
/// - `NAME.postings`  passage gaps, frequencies, skip metadata (`PostingsEncoder`)
/// - `NAME.positions` term positions (`PostingsEncoder`)
/// - `NAME.norms`     field lengths: u32 passageCount, then per field u8 width │ width × count
/// - `NAME.passages`  passage store (`RecordStoreWriter`; extra: PassageID as 2 × u32 per passage)
/// - `NAME.documents` document table (`RecordStoreWriter`; extra: first passage per document, then the count)
final class SegmentFilesWriter {
    let name: String
    private let storage: any Storage
    private let termsFile: IndexFileWriter
    private let postingsFile: IndexFileWriter
    private let positionsFile: IndexFileWriter
    private let passagesFile: IndexFileWriter
    private let passages: RecordStoreWriter
    private let documentsFile: IndexFileWriter
    private let documents: RecordStoreWriter
    /// First passage of each document added so far.
    private var documentStarts: [UInt32] = []
    private var dictionary: TermDictionaryWriter
    private var encoder = PostingsEncoder()
    private var passageIDs: [UInt32] = []
    private var record = ByteWriter()

    /// - Parameter passageSample: passages spread over the whole segment, whose stored
    ///   records make the passage store's dictionary (`passageDictionary`); none for a
    ///   segment too small to want one.
    init(storage: any Storage, name: String, passageSample: [StoredPassage] = []) throws {
        self.storage = storage
        self.name = name
        termsFile = try IndexFileWriter(storage: storage, name: name + ".terms", kind: .terms)
        postingsFile = try IndexFileWriter(storage: storage, name: name + ".postings", kind: .postings)
        positionsFile = try IndexFileWriter(storage: storage, name: name + ".positions", kind: .positions)
        passagesFile = try IndexFileWriter(storage: storage, name: name + ".passages", kind: .passages)
        passages = RecordStoreWriter(file: passagesFile, dictionary: Self.passageDictionary(passageSample))
        documentsFile = try IndexFileWriter(storage: storage, name: name + ".documents", kind: .documents)
        documents = RecordStoreWriter(file: documentsFile)
        dictionary = TermDictionaryWriter(file: termsFile)
    }

    /// How many passages, spread evenly over a segment, its passage store's dictionary is
    /// made of: up to 512 bytes of each record, 64 KiB in all.
    static let passageSampleSize = 128

    /// The passage numbers (of `count`) to sample for the dictionary: evenly spread, since a
    /// segment's first passages (one site's pages, often) can be unlike its later ones. On the
    /// large tier, 512-byte blocks against the first 64 KiB took 45.7 MB, against a sample
    /// spread like this 40.0 MB (8 KiB blocks, no dictionary: 38.2 MB).
    static func passageSampleNumbers(count: Int) -> [Int] {
        guard count > 0 else { return [] }
        let taken = min(count, passageSampleSize)
        return (0..<taken).map { $0 * count / taken }
    }

    /// The dictionary for a passage store: the records of `sample`, each cut to its share.
    static func passageDictionary(_ sample: [StoredPassage]) -> [UInt8] {
        let share = RecordStoreWriter.passageDictionarySize / passageSampleSize
        var dictionary: [UInt8] = [], record = ByteWriter()
        for stored in sample {
            record.removeAll()
            StoredPassage.encode(stored.passage, document: stored.document, into: &record)
            dictionary.append(contentsOf: record.bytes.prefix(share))
        }
        return dictionary
    }

    /// Stores the next passage (they are numbered in the order added).
    func addPassage(_ passage: Passage, document: DocumentNumber) throws {
        record.removeAll()
        StoredPassage.encode(passage, document: document, into: &record)
        try passages.add(record)
        passageIDs.append(UInt32(truncatingIfNeeded: passage.id.rawValue))
        passageIDs.append(UInt32(truncatingIfNeeded: passage.id.rawValue >> 32))
    }

    /// Adds the next term (keys in increasing order) with its postings.
    func addTerm(
        key: UnsafeRawBufferPointer, passages: UnsafeBufferPointer<UInt32>, freqs: UnsafeBufferPointer<UInt32>,
        positions: UnsafeBufferPointer<UInt32>, norms: NormsView
    ) throws {
        let info = try encoder.encode(
            passages: passages, freqs: freqs, positions: positions, norms: norms,
            postingsFile: postingsFile, positionsFile: positionsFile)
        try dictionary.add(key: key, info: info)
    }

    /// Stores the next document (they are numbered in the order added; their passages are
    /// consecutive, from `document.firstPassage`).
    func addDocument(_ document: StoredDocument) throws {
        record.removeAll()
        document.encode(into: &record)
        try documents.add(record)
        documentStarts.append(document.firstPassage.rawValue)
    }

    /// Writes norms and the rest of the document table, finishes every file and describes the segment.
    func finish(norms: [[UInt32]]) throws -> SegmentInfo {
        try dictionary.finish()
        try passages.finish(extra: passageIDs)
        let passageCount = passageIDs.count / 2
        try documents.finish(extra: documentStarts + [UInt32(passageCount)])
        for file in [termsFile, postingsFile, positionsFile, passagesFile, documentsFile] { try file.finish() }
        try writeNorms(norms, passageCount: passageCount)
        let statistics = norms.map { lengths in
            FieldStatistics(passageCount: lengths.lazy.filter { $0 > 0 }.count, totalLength: lengths.reduce(0) { $0 + Int($1) })
        }
        return SegmentInfo(
            name: name, passageCount: passageCount, documentCount: documentStarts.count, termCount: dictionary.termCount,
            fieldStatistics: statistics, deletionGeneration: 0, deletedCount: 0,
            deletedDocumentCount: 0)
    }

    private func writeNorms(_ norms: [[UInt32]], passageCount: Int) throws {
        let file = try IndexFileWriter(storage: storage, name: name + ".norms", kind: .norms)
        var out = ByteWriter(capacity: passageCount * norms.count + 16)
        out.appendFixed(UInt32(passageCount))
        for lengths in norms {
            let longest = lengths.max() ?? 0
            let width = longest <= 0xFF ? 1 : longest <= 0xFFFF ? 2 : 4
            out.append(UInt8(width))
            for length in lengths {
                switch width {
                case 1: out.append(UInt8(length))
                case 2: out.appendFixed(UInt16(length))
                default: out.appendFixed(length)
                }
            }
        }
        try file.write(out)
        try file.finish()
    }
}
