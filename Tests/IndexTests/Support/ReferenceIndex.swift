import Analysis
@testable import Index

/// The obviously-correct index the real one is checked against: dictionaries of arrays,
/// built by analysing each field the way the format documents it.
struct ReferenceIndex {
    struct Posting: Equatable {
        var passage: UInt32
        var positions: [UInt32]
    }

    /// (field, term) → postings in passage order.
    var postings: [IndexField: [String: [Posting]]] = [:]
    var norms: [IndexField: [UInt32]] = [:]
    var passages: [StoredPassage] = []
    var documents: [StoredDocument] = []

    init(_ documents: [(Document, SourceStamp)], analyzer: Analyzer = Analyzer()) {
        for (document, stamp) in documents {
            let number = DocumentNumber(self.documents.count)
            var metadata = document
            metadata.passages = []
            self.documents.append(StoredDocument(
                document: metadata, source: stamp, firstPassage: PassageNumber(passages.count),
                passageCount: document.passages.count))
            for passage in document.passages {
                let n = UInt32(passages.count)
                passages.append(StoredPassage(passage: passage, document: number))
                var offset: UInt32 = 0
                var sectionLength: UInt32 = 0
                for heading in passage.section {
                    let count = add(heading, field: .section, passage: n, offset: offset, analyzer: analyzer)
                    sectionLength += count
                    offset += count + 1
                }
                norms[.text, default: []].append(add(passage.text, field: .text, passage: n, offset: 0, analyzer: analyzer))
                norms[.section, default: []].append(sectionLength)
                norms[.title, default: []].append(add(document.title, field: .title, passage: n, offset: 0, analyzer: analyzer))
            }
        }
    }

    private mutating func add(_ text: String, field: IndexField, passage: UInt32, offset: UInt32, analyzer: Analyzer) -> UInt32 {
        var count: UInt32 = 0
        analyzer.analyze(text) { token in
            let term = String(decoding: token.term, as: UTF8.self)
            var list = postings[field, default: [:]][term, default: []]
            if list.last?.passage != passage { list.append(Posting(passage: passage, positions: [])) }
            list[list.count - 1].positions.append(offset + token.position)
            postings[field, default: [:]][term] = list
            count += 1
        }
        return count
    }
}
