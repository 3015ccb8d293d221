@testable import Index

/// Everything a reader exposes about live passages, keyed by `PassageID` so that indexes
/// with different segment layouts (flushed many times, merged, compacted) compare equal
/// exactly when they hold the same postings and stored data.
struct IndexSnapshot: Equatable {
    struct Posting: Equatable {
        var frequency: UInt32
        var positions: [UInt32]
    }

    var postings: [IndexField: [String: [PassageID: Posting]]] = [:]
    var passages: [PassageID: Passage] = [:]
    var documents: [String: Document] = [:]

    init(_ reader: IndexReader) throws {
        var positions: [UInt32] = []
        for segment in reader.segments {
            for field in IndexField.allCases {
                try segment.terms(field, prefix: UnsafeRawBufferPointer(start: nil, count: 0)) { term, info in
                    let name = String(decoding: term, as: UTF8.self)
                    var cursor = segment.postings(info)
                    while cursor.passage != .end {
                        if !segment.isDeleted(cursor.passage) {
                            cursor.positions(into: &positions)
                            postings[field, default: [:]][name, default: [:]][segment.passageID(cursor.passage)] =
                                Posting(frequency: cursor.frequency, positions: positions)
                        }
                        cursor.next()
                    }
                    return true
                }
            }
            for n in 0..<segment.passageCount where !segment.isDeleted(PassageNumber(n)) {
                let stored = try segment.passage(PassageNumber(n))
                passages[stored.passage.id] = stored.passage
            }
            for d in 0..<segment.documentCount where !segment.isDeleted(DocumentNumber(d)) {
                let stored = try segment.document(DocumentNumber(d))
                documents[stored.source.absolutePath] = stored.document
            }
        }
    }

    /// The snapshot a single segment of exactly `corpus` would give.
    init(expected corpus: [(Document, SourceStamp)]) throws {
        let storage = MemoryStorage()
        let writer = try IndexWriter(storage: storage)
        for (document, stamp) in corpus { try writer.add(document, source: stamp) }
        try writer.commit()
        writer.close()
        self = try IndexSnapshot(try IndexReader.open(storage))
    }
}
