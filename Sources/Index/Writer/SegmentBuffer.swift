import Analysis

/// The in-memory inverted index of documents not yet written: analysed terms with their
/// postings, field lengths and stored records, flushed as one segment when the writer's
/// memory budget is reached or at commit.
///
/// Terms and their growing postings live in a `TermTable`; adding a token never builds a `String`.
final class SegmentBuffer {
    /// A term of a field at a position, recorded to be replayed on later passages.
    struct TermOccurrence {
        var term: Int
        var position: UInt32
    }

    private let analyzer: Analyzer
    private var table = TermTable()
    private var norms: [[UInt32]] = IndexField.allCases.map { _ in [] }
    private(set) var documents: [StoredDocument] = []
    private var passages: [(Passage, DocumentNumber)] = []
    private var storedBytes = 0
    private var key: [UInt8] = []

    init(analyzer: Analyzer) {
        self.analyzer = analyzer
    }

    var passageCount: Int { passages.count }
    var isEmpty: Bool { documents.isEmpty }

    /// A conservative estimate of the memory held, compared against the budget.
    var estimatedBytes: Int {
        table.estimatedBytes + passages.count * 200 + storedBytes + documents.count * 300
            + passages.count * IndexField.allCases.count * 8
    }

    /// What buffering `document` will add to `estimatedBytes`, roughly and before analysing it:
    /// its text stored once and its postings (about two bytes per byte of text), per passage.
    static func estimatedBytes(of document: Document) -> Int {
        document.passages.reduce(300) { $0 + $1.text.utf8.count * 3 + 256 }
    }

    /// Analyses and buffers `document`; returns its buffer-local number.
    @discardableResult
    func add(_ document: Document, source: SourceStamp) -> DocumentNumber {
        let number = DocumentNumber(documents.count)
        let first = PassageNumber(passages.count)
        var metadata = document
        metadata.passages = []
        storedBytes += document.title.utf8.count + document.path.utf8.count + source.absolutePath.utf8.count
            + (document.description?.utf8.count ?? 0)
        // A document's title, and a section's headings, repeat on each of its passages:
        // analyse them once and replay the recorded term ids for the following passages.
        var title: [TermOccurrence]? = []
        var sections: [TermOccurrence]? = []
        var noRecording: [TermOccurrence]?
        var previousSection: [String]?
        for (ordinal, passage) in document.passages.enumerated() {
            let passageNumber = UInt32(passages.count)
            passages.append((passage, number))
            storedBytes += passage.text.utf8.count + passage.section.reduce(0) { $0 + $1.utf8.count }
            norms[Int(IndexField.text.rawValue)].append(
                index(passage.text, field: .text, passage: passageNumber, offset: 0, recording: &noRecording))
            if passage.section != previousSection {
                sections = []
                var position: UInt32 = 0
                for heading in passage.section {
                    position += index(heading, field: .section, passage: passageNumber, offset: position, recording: &sections) + 1
                }
                previousSection = passage.section
            } else {
                replay(sections ?? [], passage: passageNumber)
            }
            norms[Int(IndexField.section.rawValue)].append(UInt32(sections?.count ?? 0))
            if ordinal == 0 {
                _ = index(document.title, field: .title, passage: passageNumber, offset: 0, recording: &title)
            } else {
                replay(title ?? [], passage: passageNumber)
            }
            norms[Int(IndexField.title.rawValue)].append(UInt32(title?.count ?? 0))
        }
        documents.append(StoredDocument(
            document: metadata, source: source, firstPassage: first, passageCount: document.passages.count))
        return number
    }

    /// Adds every token of `text` to `field` of `passage`, positions from `offset`, appending
    /// each to `recording` when it is not nil; returns the number of tokens.
    ///
    /// The table is moved into a local for the loop: mutating a class's stored properties
    /// per token would pay a dynamic exclusivity check on every access.
    private func index(
        _ text: String, field: IndexField, passage: UInt32, offset: UInt32, recording: inout [TermOccurrence]?
    ) -> UInt32 {
        var tokens: UInt32 = 0
        var local = TermTable(empty: ())
        swap(&local, &table)
        var copy = text
        copy.withUTF8 { utf8 in
            analyzer.analyze(utf8) { token in
                tokens += 1
                let position = offset &+ token.position
                let id = local.add(term: token.term, field: field, passage: passage, position: position)
                recording?.append(TermOccurrence(term: id, position: position))
            }
        }
        swap(&local, &table)
        return tokens
    }

    /// Adds recorded occurrences (of a title or headings already analysed) to another passage.
    private func replay(_ occurrences: [TermOccurrence], passage: UInt32) {
        var local = TermTable(empty: ())
        swap(&local, &table)
        for occurrence in occurrences { local.add(id: occurrence.term, passage: passage, position: occurrence.position) }
        swap(&local, &table)
    }

    /// Writes the buffered documents as segment `name` and returns its description.
    func write(to storage: any Storage, name: String) throws -> SegmentInfo {
        let sample = SegmentFilesWriter.passageSampleNumbers(count: passages.count).map { number in
            StoredPassage(passage: passages[number].0, document: passages[number].1)
        }
        let writer = try SegmentFilesWriter(storage: storage, name: name, passageSample: sample)
        for (passage, document) in passages { try writer.addPassage(passage, document: document) }
        var scratch = PostingsScratch()
        for id in table.sortedTerms() {
            scratch.removeAll()
            let list = table.lists[id]
            var i = 0
            while i + 1 < list.count {
                let freq = Int(list[i + 1])
                scratch.passages.append(list[i])
                scratch.freqs.append(list[i + 1])
                scratch.positions.append(contentsOf: list[i + 2..<i + 2 + freq])
                i += 2 + freq
            }
            let start = Int(table.keyStarts[id])
            let field = Int(table.arena[start])
            try table.arena.withUnsafeBytes { bytes in
                try norms[field].withUnsafeBytes { lengths in
                    try scratch.write(
                        key: UnsafeRawBufferPointer(rebasing: bytes[start..<start + Int(table.keyLengths[id])]),
                        norms: NormsView(base: lengths.baseAddress, width: 4, count: lengths.count / 4), to: writer)
                }
            }
        }
        for document in documents { try writer.addDocument(document) }
        return try writer.finish(norms: norms)
    }
}
