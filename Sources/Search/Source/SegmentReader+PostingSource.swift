import Index

/// The on-disk segment as a posting source, so the searcher runs on an open index.
///
/// A term the dictionary cannot read (a chunk failing its checksum) is treated as absent
/// here, as the protocol does not throw; the segment remembers the damage
/// (`SegmentReader.damage`), and a caller checks it before serving an answer.
extension SegmentReader: PostingSource {
    public func statistics(of field: IndexField) -> FieldStatistics {
        statistics(field)
    }

    public func entry(of term: String, in field: IndexField) -> TermInfo? {
        var term = term
        return term.withUTF8 { try? termInfo(field, term: UnsafeRawBufferPointer($0)) }
    }

    public func documentFrequency(of entry: TermInfo) -> Int {
        entry.documentFrequency
    }

    public func postings(of entry: TermInfo) -> SegmentPostingCursor {
        SegmentPostingCursor(postings(entry))
    }

    public var hasDeletions: Bool { deletions.passages.count > 0 }

    public func terms(withPrefix prefix: String, in field: IndexField, limit: Int) -> [(term: String, entry: TermInfo)] {
        var found: [(term: String, entry: TermInfo)] = []
        var prefix = prefix
        prefix.withUTF8 { bytes in
            try? terms(field, prefix: UnsafeRawBufferPointer(bytes)) { term, info in
                found.append((String(decoding: term, as: UTF8.self), info))
                return found.count < limit
            }
        }
        return found
    }

    public func document(of passage: PassageNumber) -> DocumentNumber {
        documentNumber(of: passage)
    }

    /// The document's passages for the title: the segment writer indexes a document's title
    /// once and replays the same occurrences on each of its passages.
    public func passages(sharing field: IndexField, with passage: PassageNumber) -> Range<PassageNumber>? {
        field == .title ? passageRange(of: documentNumber(of: passage)) : nil
    }

    public func path(of document: DocumentNumber) -> String {
        (try? self.document(document))?.document.path ?? ""
    }

    public func language(of document: DocumentNumber) -> String? {
        (try? self.document(document))?.document.language
    }
}
