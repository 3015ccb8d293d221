/// The indexed fields of a passage. Each is scored with its own length normalisation and
/// weight (BM25F); `title:word` narrows a word to one of them.
public enum SearchField: String, Sendable, Hashable, CaseIterable {
    /// The document's title, indexed with each of its passages.
    case title
    /// The heading chain above the passage.
    case section
    /// The passage's own text.
    case text
}
