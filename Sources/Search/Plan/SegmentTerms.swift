import Index

/// One segment's entries for the terms of one query: each (term, field) is looked up in the
/// segment once, when planning asks for its document frequency, and the scorers open their
/// cursors from the entry kept (an absent term is kept as absent).
///
/// Why: planning (idf) and scoring (cursors) both need every term, and an on-disk lookup is a
/// binary search and a block scan of the term dictionary. A protocol, so that the segments
/// of a collection sit in one array whatever their source type, while a scorer built from
/// one still gets its source's own cursor type (`SegmentTermMemo` is the implementation).
protocol SegmentTerms: AnyObject {
    associatedtype Source: PostingSource

    var source: Source { get }

    /// Passages whose field contains the term (deleted ones included), 0 when absent.
    func documentFrequency(of term: String, in field: IndexField) -> Int

    /// A fresh cursor over the term's postings in the field, `nil` when it has none.
    func postings(of term: String, in field: IndexField) -> Source.Cursor?

    /// Terms of the field starting with `prefix`, at most `limit` of them, their entries
    /// kept; when there are fewer, every other term with the prefix is known absent.
    func terms(withPrefix prefix: String, in field: IndexField, limit: Int) -> [String]
}
