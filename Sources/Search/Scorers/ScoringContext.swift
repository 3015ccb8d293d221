import Index

/// What every scorer of one segment shares: the segment and the formula.
struct ScoringContext {
    let source: any PostingSource
    let bm25: BM25F
    /// `IndexField.allCases`, indexed like plan fields.
    let fields = IndexField.allCases

    /// w_f · tf / B_f for a passage of this segment.
    @inline(__always)
    func normalizedFrequency(_ frequency: UInt32, of passage: PassageNumber, field: Int) -> Double {
        bm25.normalizedFrequency(frequency, length: source.length(of: passage, in: fields[field]), field: field)
    }
}
