/// `citex check`: verify everything a reader could touch, not just what opening checks.
extension IndexReader {
    /// What a full check went through.
    public struct CheckReport: Sendable, Equatable {
        public var files = 0
        public var terms = 0
        public var postings = 0
        public var passages = 0
        public var documents = 0
        /// Index files no commit references: leftovers of an interrupted writer, harmless,
        /// removed by the next writer.
        public var leftovers: [String] = []
    }

    /// Re-opens the commit verifying every checksum (each file's, and each chunk's of the large
    /// files), then decodes every term's postings and positions and every stored passage and
    /// document, and checks their counts against the manifest. Throws the first damage found,
    /// naming the file.
    public static func check(_ storage: any Storage) throws -> CheckReport {
        let reader = try open(storage, verify: .checksum)
        var report = CheckReport()
        var positions: [UInt32] = []
        for segment in reader.segments {
            report.files += segment.info.files.count
            try segment.verifyEveryChunk()
            var terms = try MergedTermIterator([segment])
            while try terms.next() {
                guard let first = terms.key.first, let field = IndexField(rawValue: first) else {
                    throw IndexError.damaged(segment.info.fileName("terms"), "term of unknown field")
                }
                for (_, info) in terms.holders {
                    var cursor = segment.postings(info)
                    let norms = segment.norms(field)
                    var count = 0
                    // A bound that fails to dominate a posting would silently lose hits.
                    var bounded = true
                    while cursor.passage != .end {
                        cursor.positions(into: &positions)
                        let posting = Impact(
                            frequency: cursor.frequency, norm: norms[Int(cursor.passage.rawValue)])
                        bounded = bounded && cursor.blockImpacts.contains { posting.isDominated(by: $0) }
                            && info.impacts.contains { posting.isDominated(by: $0) }
                        count += 1
                        cursor.next()
                    }
                    guard !cursor.isDamaged, count == info.documentFrequency, bounded else {
                        throw IndexError.damaged(segment.info.fileName("postings"), "postings of a term are inconsistent")
                    }
                    report.postings += count
                }
                report.terms += 1
            }
            var passages = 0, documents = 0
            try segment.forEachPassage { _, _ in passages += 1 }
            try segment.forEachDocument { _, _ in documents += 1 }
            guard passages == segment.info.passageCount else {
                throw IndexError.damaged(segment.info.fileName("passages"), "\(passages) passages, the manifest says \(segment.info.passageCount)")
            }
            guard documents == segment.info.documentCount else {
                throw IndexError.damaged(segment.info.fileName("documents"), "\(documents) documents, the manifest says \(segment.info.documentCount)")
            }
            report.passages += passages
            report.documents += documents
        }
        let referenced = Set(reader.segments.flatMap(\.info.files) + [Manifest.fileName(reader.generation)])
        report.files += 1
        report.leftovers = try storage.list().filter { IndexWriter.isIndexFile($0) && !referenced.contains($0) }.sorted()
        return report
    }
}
