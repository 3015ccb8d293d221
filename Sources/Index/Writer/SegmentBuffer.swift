#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

import Analysis

/// The in-memory inverted index of documents not yet written: analysed terms with their
/// postings, field lengths and stored records, flushed as one segment when the writer's
/// memory budget is reached or at commit.
///
/// Terms are interned in one byte arena behind an open-addressing hash table, and each term's
/// postings live in one `[UInt32]` (passage, frequency, positions… per passage), so adding a
/// token allocates nothing in the common case and never builds a `String`.
final class SegmentBuffer {
    private let analyzer: Analyzer
    private var arena: [UInt8] = []
    private var keyStarts: [UInt32] = []
    private var keyLengths: [UInt32] = []
    private var hashes: [UInt32] = []
    private var slots: [Int32] = [Int32](repeating: -1, count: 1 << 12)
    /// Per term: for each passage, `passage, freq, position × freq`.
    private var lists: [[UInt32]] = []
    private var lastPassage: [UInt32] = []
    private var freqSlot: [UInt32] = []
    private var postingCount = 0
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
        arena.count + lists.count * 96 + postingCount * 6 + slots.count * 4 + passages.count * 160
            + storedBytes + documents.count * 256
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
        for passage in document.passages {
            let passageNumber = UInt32(passages.count)
            passages.append((passage, number))
            storedBytes += passage.text.utf8.count + passage.section.reduce(0) { $0 + $1.utf8.count }
            norms[Int(IndexField.text.rawValue)].append(index(passage.text, field: .text, passage: passageNumber, offset: 0))
            var position: UInt32 = 0
            for heading in passage.section {
                position += index(heading, field: .section, passage: passageNumber, offset: position) + 1
            }
            norms[Int(IndexField.section.rawValue)].append(position - UInt32(passage.section.count))
            norms[Int(IndexField.title.rawValue)].append(index(document.title, field: .title, passage: passageNumber, offset: 0))
        }
        documents.append(StoredDocument(
            document: metadata, source: source, firstPassage: first, passageCount: document.passages.count))
        return number
    }

    /// Adds every token of `text` to `field` of `passage`, positions from `offset`; returns
    /// the number of tokens.
    private func index(_ text: String, field: IndexField, passage: UInt32, offset: UInt32) -> UInt32 {
        var tokens: UInt32 = 0
        var copy = text
        copy.withUTF8 { utf8 in
            analyzer.analyze(utf8) { token in
                tokens += 1
                add(term: token.term, field: field, passage: passage, position: offset &+ token.position)
            }
        }
        return tokens
    }

    private func add(term: UnsafeBufferPointer<UInt8>, field: IndexField, passage: UInt32, position: UInt32) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(field.rawValue)
        for byte in term { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        let hash32 = UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
        let id = findOrInsert(term, field: field, hash: hash32)
        postingCount += 1
        if lastPassage[id] == passage {
            lists[id][Int(freqSlot[id])] += 1
        } else {
            lastPassage[id] = passage
            lists[id].append(passage)
            freqSlot[id] = UInt32(lists[id].count)
            lists[id].append(1)
            postingCount += 2
        }
        lists[id].append(position)
    }

    private func findOrInsert(_ term: UnsafeBufferPointer<UInt8>, field: IndexField, hash: UInt32) -> Int {
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while true {
            let id = Int(slots[slot])
            if id < 0 { break }
            if hashes[id] == hash && keyLengths[id] == UInt32(term.count + 1) {
                let start = Int(keyStarts[id])
                if arena[start] == field.rawValue && arena.withUnsafeBufferPointer({
                    term.count == 0 || memcmp($0.baseAddress! + start + 1, term.baseAddress!, term.count) == 0
                }) { return id }
            }
            slot = (slot + 1) & mask
        }
        let id = lists.count
        keyStarts.append(UInt32(arena.count))
        keyLengths.append(UInt32(term.count + 1))
        arena.append(field.rawValue)
        arena.append(contentsOf: term)
        hashes.append(hash)
        lists.append([])
        lastPassage.append(.max)
        freqSlot.append(0)
        slots[slot] = Int32(id)
        if lists.count * 2 > slots.count { grow() }
        return id
    }

    private func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for id in hashes.indices {
            var slot = Int(hashes[id]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }

    /// Writes the buffered documents as segment `name` and returns its description.
    func write(to storage: any Storage, name: String) throws -> SegmentInfo {
        let writer = try SegmentFilesWriter(storage: storage, name: name)
        for (passage, document) in passages { try writer.addPassage(passage, document: document) }
        let order = arena.withUnsafeBytes { bytes in
            lists.indices.sorted { a, b in
                compare(
                    UnsafeRawBufferPointer(rebasing: bytes[Int(keyStarts[a])..<Int(keyStarts[a] + keyLengths[a])]),
                    UnsafeRawBufferPointer(rebasing: bytes[Int(keyStarts[b])..<Int(keyStarts[b] + keyLengths[b])])) < 0
            }
        }
        var scratch = PostingsScratch()
        for id in order {
            scratch.removeAll()
            let list = lists[id]
            var i = 0
            while i + 1 < list.count {
                let freq = Int(list[i + 1])
                scratch.passages.append(list[i])
                scratch.freqs.append(list[i + 1])
                scratch.positions.append(contentsOf: list[i + 2..<i + 2 + freq])
                i += 2 + freq
            }
            let start = Int(keyStarts[id])
            let field = Int(arena[start])
            try arena.withUnsafeBytes { bytes in
                try norms[field].withUnsafeBytes { lengths in
                    try scratch.write(
                        key: UnsafeRawBufferPointer(rebasing: bytes[start..<start + Int(keyLengths[id])]),
                        norms: NormsView(base: lengths.baseAddress, width: 4, count: lengths.count / 4), to: writer)
                }
            }
        }
        return try writer.finish(norms: norms, documents: documents)
    }
}
