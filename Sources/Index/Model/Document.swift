/// A source page as citex understands it: what to cite it by, and its passages in order.
public struct Document: Sendable, Equatable {
    /// Where the page lives, as given to the indexer (relative to the indexed root when inside one).
    public var path: String
    public var title: String
    /// The canonical URL the page declares, when it declares one.
    public var url: String?
    /// BCP 47 language tag the page declares (`en`, `pt-BR`).
    public var language: String?
    public var description: String?
    /// Publication or modification date as the page states it (ISO 8601 when parseable).
    public var date: String?
    public var passages: [Passage]

    public init(
        path: String, title: String, url: String? = nil, language: String? = nil,
        description: String? = nil, date: String? = nil, passages: [Passage] = []
    ) {
        self.path = path
        self.title = title
        self.url = url
        self.language = language
        self.description = description
        self.date = date
        self.passages = passages
    }
}
