import Index

/// What every scorer of one segment shares: the segment, the entries of the query's terms
/// in it, and the formula.
struct ScoringContext {
    /// Where scorers open their cursors: the entries planning looked up.
    let terms: any SegmentTerms
    let source: any PostingSource
    let bm25: BM25F
    /// `IndexField.allCases`, indexed like plan fields.
    let fields = IndexField.allCases

    init(terms: any SegmentTerms, bm25: BM25F) {
        self.terms = terms
        source = terms.source
        self.bm25 = bm25
    }
}
