/// The separately indexed fields of a passage, so a query can target one and ranking can
/// weight them (BM25F).
///
/// The raw value is the byte that prefixes a term in the term dictionary, so each field's
/// terms form one contiguous, sorted run.
public enum IndexField: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    /// The passage's own text.
    case text = 0
    /// The headings above the passage (its section path).
    case section = 1
    /// The title of the passage's document.
    case title = 2

    public var description: String {
        switch self {
        case .text: "text"
        case .section: "section"
        case .title: "title"
        }
    }
}
