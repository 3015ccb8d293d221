import Index

/// Where a passage came from, in the pieces every output format needs.
public struct Citation: Sendable, Equatable {
    public var id: PassageID
    /// The document's title, or its file name when it has none.
    public var title: String
    /// Headings above the passage, without a first heading that only repeats the title.
    public var section: [String]
    public var path: String
    public var line: Int
    /// The page's own URL, when it declares one.
    public var url: String?
    public var anchor: String?

    public init(document: Document, passage: Passage) {
        id = passage.id
        path = document.path
        let fileName = document.path.split(separator: "/").last.map(String.init) ?? document.path
        title = document.title.isEmpty ? fileName : document.title
        section = passage.section
        if let first = section.first, first.isSameHeading(as: title) {
            section.removeFirst()
        }
        line = passage.line
        url = document.url
        anchor = passage.anchor
    }

    /// `path:line`, which terminals and editors open at the line.
    public var location: String { "\(path):\(line)" }

    /// `Title — Section › Subsection`.
    public var heading: String {
        section.isEmpty ? title : "\(title) — \(section.joined(separator: " › "))"
    }

    /// `url#anchor  id …` (the link only when the page has a URL): the line under a hit.
    public var linkAndID: String {
        (url != nil ? link + "  " : "") + "id \(id)"
    }

    /// `url#anchor` when the page has a URL; otherwise `path#anchor` (a relative link).
    public var link: String {
        let base = url ?? path
        guard let anchor, !anchor.isEmpty else { return base }
        let withoutFragment = base.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
        return "\(withoutFragment)#\(anchor)"
    }
}

private extension String {
    func isSameHeading(as other: String) -> Bool {
        lowercased().trimmingSpaces == other.lowercased().trimmingSpaces
    }

    var trimmingSpaces: Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return self[start..<end]
    }
}
