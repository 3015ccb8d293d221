import Index
import Search

/// An in-memory segment that counts the term look-ups a search makes of it, per (term,
/// field), to show that a query looks each one up once, not once to plan and again to score.
final class CountingSource: PostingSource {
    private let segment: InMemorySegment
    private(set) var lookups: [String: Int] = [:]

    init(_ segment: InMemorySegment) {
        self.segment = segment
    }

    func reset() {
        lookups = [:]
    }

    func entry(of term: String, in field: IndexField) -> InMemorySegment.PostingList? {
        lookups["\(field):\(term)", default: 0] += 1
        return segment.entry(of: term, in: field)
    }

    func documentFrequency(of entry: InMemorySegment.PostingList) -> Int { segment.documentFrequency(of: entry) }
    func postings(of entry: InMemorySegment.PostingList) -> InMemoryPostingCursor { segment.postings(of: entry) }
    var passageCount: Int { segment.passageCount }
    var documentCount: Int { segment.documentCount }
    func statistics(of field: IndexField) -> FieldStatistics { segment.statistics(of: field) }
    func norms(_ field: IndexField) -> NormsView { segment.norms(field) }
    var hasDeletions: Bool { segment.hasDeletions }
    func isDeleted(_ passage: PassageNumber) -> Bool { segment.isDeleted(passage) }
    func document(of passage: PassageNumber) -> DocumentNumber { segment.document(of: passage) }
    func passages(sharing field: IndexField, with passage: PassageNumber) -> Range<PassageNumber>? {
        segment.passages(sharing: field, with: passage)
    }
    func path(of document: DocumentNumber) -> String { segment.path(of: document) }
    func language(of document: DocumentNumber) -> String? { segment.language(of: document) }

    func terms(withPrefix prefix: String, in field: IndexField, limit: Int) -> [(term: String, entry: InMemorySegment.PostingList)] {
        segment.terms(withPrefix: prefix, in: field, limit: limit)
    }
}
