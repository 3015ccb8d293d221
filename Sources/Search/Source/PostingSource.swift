import Index

/// What query evaluation needs from one index segment: statistics, norms, posting cursors,
/// deletions, prefix expansion and the document facts filters look at.
///
/// The on-disk segment reader conforms in an extension in the Index integration; the
/// `InMemorySegment` conforms for tests and as the brute-force reference. Passages are
/// numbered `0..<passageCount` within the segment.
public protocol PostingSource: AnyObject {
    /// The source's own cursor type: scorers built for it call the cursor directly (and
    /// inline it), while code holding `any PostingSource` sees `any PostingCursor`.
    associatedtype Cursor: PostingCursor

    /// Passages in the segment, deleted ones included.
    var passageCount: Int { get }

    /// Documents in the segment, numbered `0..<documentCount`.
    var documentCount: Int { get }

    func statistics(of field: IndexField) -> FieldStatistics

    /// The field's length in tokens (its norm) for every passage; may be quantised, as long
    /// as posting blocks' impacts use the same values. A view, not a call per passage: scorers
    /// read a norm for every candidate, and a protocol call each time cost more than the read.
    func norms(_ field: IndexField) -> NormsView

    /// What one look-up of a term in a field finds: enough to count the term's passages and
    /// to open its cursor later without looking it up again. A query needs every term twice
    /// per segment, to plan (its idf) and to score, and an on-disk lookup is a binary search
    /// and a block scan of the term dictionary (`SegmentTerms` keeps the entries between).
    associatedtype Entry

    /// The term's entry in the field, `nil` when no passage's field contains it.
    func entry(of term: String, in field: IndexField) -> Entry?

    /// Passages whose field contains the entry's term (deleted ones included): the n of idf.
    func documentFrequency(of entry: Entry) -> Int

    /// A fresh cursor over the entry's postings.
    func postings(of entry: Entry) -> Cursor

    /// Whether any passage is deleted (lets evaluation skip the per-hit check).
    var hasDeletions: Bool { get }

    func isDeleted(_ passage: PassageNumber) -> Bool

    /// Terms of the field starting with `prefix` (UTF-8 bytes), in byte order, with their
    /// entries, at most `limit` of them (fewer: these are all).
    func terms(withPrefix prefix: String, in field: IndexField, limit: Int) -> [(term: String, entry: Entry)]

    /// The document a passage belongs to (for the per-document cap and filters).
    func document(of passage: PassageNumber) -> DocumentNumber

    /// The passages that hold the same `field` as `passage` does, term for term (its
    /// document's passages, for the title every one of them repeats), so that a phrase
    /// verified in one of them holds as often in all; nil when the field is not shared.
    func passages(sharing field: IndexField, with passage: PassageNumber) -> Range<PassageNumber>?

    /// The document's path relative to the indexed root, `/`-separated.
    func path(of document: DocumentNumber) -> String

    /// The BCP 47 language tag the document declares, if any.
    func language(of document: DocumentNumber) -> String?
}

extension PostingSource {
    /// A fresh cursor over the term's postings in the field, `nil` when it has none.
    public func postings(of term: String, in field: IndexField) -> Cursor? {
        entry(of: term, in: field).map(postings(of:))
    }

    /// The field's length in tokens for one passage.
    public func length(of passage: PassageNumber, in field: IndexField) -> UInt32 {
        norms(field)[Int(passage.rawValue)]
    }
}
