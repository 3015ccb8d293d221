/// A paragraph-sized unit of text: what is indexed, ranked, shown and cited.
///
/// A passage never crosses a section, so its section path and anchor cite it exactly.
public struct Passage: Sendable, Equatable {
    public var id: PassageID
    /// Position of the passage within its document, from 0.
    public var ordinal: Int
    /// The heading chain above the passage, outermost first.
    public var section: [String]
    public var text: String
    /// 1-based line in the source file where the passage starts.
    public var line: Int
    /// The nearest enclosing or preceding anchor (`id`, `<a name>`, `xml:id`), for `url#anchor`.
    public var anchor: String?

    public init(id: PassageID, ordinal: Int, section: [String], text: String, line: Int, anchor: String?) {
        self.id = id
        self.ordinal = ordinal
        self.section = section
        self.text = text
        self.line = line
        self.anchor = anchor
    }
}
