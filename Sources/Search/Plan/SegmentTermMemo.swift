import Index

/// The entries one query looked up in one segment.
///
/// Called through `any SegmentTerms`, so its code would run unspecialised: `@_specialize`
/// gives it a fast path for the on-disk segment that the generic entry points dispatch to,
/// and what it consults on every call (`slots`) holds only concrete types.
final class SegmentTermMemo<Source: PostingSource>: SegmentTerms {
    let source: Source
    /// Per (term, field) looked up: where its entry is in `entries` (`nil`: absent), and the
    /// entry's document frequency.
    private var slots: [TermKey: (entry: Int?, documentFrequency: Int)] = [:]
    private var entries: [Source.Entry] = []
    /// Prefixes whose every term in a field `terms(withPrefix:in:limit:)` listed (UTF-8).
    private var listedPrefixes: [(field: IndexField, prefix: String)] = []

    init(_ source: Source) {
        self.source = source
        slots.reserveCapacity(16)
    }

    @_specialize(where Source == SegmentReader)
    func documentFrequency(of term: String, in field: IndexField) -> Int {
        slot(of: term, in: field).documentFrequency
    }

    @_specialize(where Source == SegmentReader)
    func postings(of term: String, in field: IndexField) -> Source.Cursor? {
        guard let index = slot(of: term, in: field).entry else { return nil }
        return source.postings(of: entries[index])
    }

    @_specialize(where Source == SegmentReader)
    func terms(withPrefix prefix: String, in field: IndexField, limit: Int) -> [String] {
        let found = source.terms(withPrefix: prefix, in: field, limit: limit)
        if found.count < limit { listedPrefixes.append((field, prefix)) }
        return found.map { term, entry in
            let key = TermKey(term: term, field: field)
            if slots[key] == nil {
                entries.append(entry)
                slots[key] = (entries.count - 1, source.documentFrequency(of: entry))
            }
            return term
        }
    }

    private func slot(of term: String, in field: IndexField) -> (entry: Int?, documentFrequency: Int) {
        let key = TermKey(term: term, field: field)
        if let known = slots[key] { return known }
        let listed = listedPrefixes.contains { $0.field == field && term.utf8.starts(with: $0.prefix.utf8) }
        let slot = listed ? (nil, 0) : lookUp(term, in: field)
        slots[key] = slot
        return slot
    }

    /// The first look-up of a term: kept out of `slot(of:in:)`, whose every call would
    /// otherwise pay for the generic types this one needs.
    @_specialize(where Source == SegmentReader)
    @inline(never)
    private func lookUp(_ term: String, in field: IndexField) -> (entry: Int?, documentFrequency: Int) {
        guard let entry = source.entry(of: term, in: field) else { return (nil, 0) }
        entries.append(entry)
        return (entries.count - 1, source.documentFrequency(of: entry))
    }
}

/// A term in a field. Not nested in `SegmentTermMemo`: a type inside a generic class is
/// generic too, and would leave the memo's dictionary unspecialised.
private struct TermKey: Hashable {
    var term: String
    var field: IndexField
}
