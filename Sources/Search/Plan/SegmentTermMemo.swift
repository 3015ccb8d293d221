import Index

/// The entries one query looked up in one segment.
///
/// Called through `any SegmentTerms`, so its code would run unspecialised: `@_specialize`
/// gives it a fast path for the on-disk segment that the generic entry points dispatch to,
/// and what it consults on every call holds only concrete types.
///
/// Kept per term, with a slot for each field: planning asks for a term's fields one after
/// the other, and so does a scorer opening its cursors, so the term asked for last is
/// checked first (the same `String`, equal at a glance). A query's few terms are found by
/// comparing them in turn, which costs less than hashing one; a prefix's expansion, which
/// may add thousands, has them hashed.
///
/// The stored properties are accessed unchecked: each is touched only by the memo's own
/// short, non-reentrant methods, and the dynamic exclusivity checks cost as much as the
/// rest of a call.
final class SegmentTermMemo<Source: PostingSource>: SegmentTerms {
    let source: Source
    /// The terms asked for, in order; the slots of term `i` start at `i * fieldCount`.
    @exclusivity(unchecked) private var terms: [String] = []
    /// Each term's position in `terms`, once there are more than `linearLimit`.
    @exclusivity(unchecked) private var positions: [String: Int] = [:]
    /// Per term, one per field in `IndexField.allCases` order.
    @exclusivity(unchecked) private var slots: [TermSlot] = []
    @exclusivity(unchecked) private var entries: [Source.Entry] = []
    /// The term asked for last and where its slots start.
    @exclusivity(unchecked) private var lastTerm = ""
    @exclusivity(unchecked) private var lastStart = -1
    /// Prefixes whose every term in a field `terms(withPrefix:in:limit:)` listed (UTF-8).
    @exclusivity(unchecked) private var listedPrefixes: [(field: IndexField, prefix: String)] = []

    /// Most terms found by comparing each in turn.
    private static var linearLimit: Int { 16 }

    init(_ source: Source) {
        self.source = source
    }

    @_specialize(where Source == SegmentReader)
    func documentFrequency(of term: String, in field: IndexField) -> Int {
        slot(of: term, in: field).documentFrequency
    }

    @_specialize(where Source == SegmentReader)
    func postings(of term: String, in field: IndexField) -> Source.Cursor? {
        let slot = slot(of: term, in: field)
        guard slot.entry >= 0 else { return nil }
        return source.postings(of: entries[slot.entry])
    }

    @_specialize(where Source == SegmentReader)
    func terms(withPrefix prefix: String, in field: IndexField, limit: Int) -> [String] {
        let found = source.terms(withPrefix: prefix, in: field, limit: limit)
        if found.count < limit { listedPrefixes.append((field, prefix)) }
        return found.map { term, entry in
            let index = start(of: term) + Int(field.rawValue)
            if slots[index].entry == TermSlot.unknown {
                entries.append(entry)
                slots[index] = TermSlot(entry: entries.count - 1, documentFrequency: source.documentFrequency(of: entry))
            }
            return term
        }
    }

    private func slot(of term: String, in field: IndexField) -> TermSlot {
        let index = start(of: term) + Int(field.rawValue)
        let known = slots[index]
        if known.entry != TermSlot.unknown { return known }
        let listed = listedPrefixes.contains { $0.field == field && term.utf8.starts(with: $0.prefix.utf8) }
        let slot = listed ? TermSlot.absent : lookUp(term, in: field)
        slots[index] = slot
        return slot
    }

    /// Where `term`'s slots start, adding unknown ones for a new term.
    @inline(__always)
    private func start(of term: String) -> Int {
        if lastStart >= 0 && term == lastTerm { return lastStart }
        let start = (positions.isEmpty ? terms.firstIndex(of: term) : positions[term]).map { $0 * TermSlot.fieldCount } ?? add(term)
        lastTerm = term
        lastStart = start
        return start
    }

    private func add(_ term: String) -> Int {
        if terms.isEmpty {
            terms.reserveCapacity(Self.linearLimit)
            slots.reserveCapacity(Self.linearLimit * TermSlot.fieldCount)
            entries.reserveCapacity(Self.linearLimit)
        }
        let start = slots.count
        for _ in 0..<TermSlot.fieldCount { slots.append(.notLookedUp) }
        terms.append(term)
        if terms.count > Self.linearLimit {
            if positions.isEmpty {
                for (position, known) in terms.enumerated() { positions[known] = position }
            } else {
                positions[term] = terms.count - 1
            }
        }
        return start
    }

    /// The first look-up of a term: kept out of `slot(of:in:)`, whose every call would
    /// otherwise pay for the generic types this one needs.
    @_specialize(where Source == SegmentReader)
    @inline(never)
    private func lookUp(_ term: String, in field: IndexField) -> TermSlot {
        guard let entry = source.entry(of: term, in: field) else { return .absent }
        entries.append(entry)
        return TermSlot(entry: entries.count - 1, documentFrequency: source.documentFrequency(of: entry))
    }
}

/// One (term, field) of a memo: where its entry is in the memo's `entries`, and the entry's
/// document frequency. Not nested in `SegmentTermMemo`: a type inside a generic class is
/// generic too, and would leave the memo's arrays unspecialised.
private struct TermSlot {
    /// `entry` of a term known to be absent from the field.
    static let missing = -1
    /// `entry` of a field not looked up yet.
    static let unknown = -2

    /// Slots per term.
    static let fieldCount = IndexField.allCases.count

    static let absent = TermSlot(entry: missing, documentFrequency: 0)
    static let notLookedUp = TermSlot(entry: unknown, documentFrequency: 0)

    var entry: Int
    var documentFrequency: Int
}
