import Index

/// `path:`/`lang:` filters evaluated once per document of a segment and remembered, so
/// a document's many passages cost one string comparison.
final class SegmentFilter {
    private let filters: FilterSet
    private let source: any PostingSource
    /// Per document: 0 not yet known, 1 accepted, 2 rejected.
    private var verdicts: [UInt8]

    init(_ filters: FilterSet, source: any PostingSource) {
        self.filters = filters
        self.source = source
        verdicts = Array(repeating: 0, count: source.documentCount)
    }

    func accepts(_ passage: PassageNumber) -> Bool {
        let document = source.document(of: passage)
        let index = Int(document.rawValue)
        guard index < verdicts.count else { return false }
        if verdicts[index] == 0 {
            let accepted = filters.accepts(path: source.path(of: document), language: source.language(of: document))
            verdicts[index] = accepted ? 1 : 2
        }
        return verdicts[index] == 1
    }
}
