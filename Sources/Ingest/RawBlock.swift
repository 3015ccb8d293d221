/// One unit the streaming pass found, before content selection and passage assembly.
///
/// The streaming pass cannot know yet whether the page has a `<main>` or how link-heavy a region
/// is, so it records the evidence on each block and lets `ContentSelector` decide at the end.
struct RawBlock {
    enum Kind: Equatable {
        /// Readable text: a paragraph, list item, table row, caption, code block…
        case text
        /// A heading at `level` (1 = outermost); its text becomes part of the section path.
        case heading(Int)
        /// An explicit section (XML) closed: headings at `level` or deeper stop applying.
        case sectionEnd(Int)
    }

    /// Where a block sits relative to the page's declared main content.
    struct Region: OptionSet {
        let rawValue: UInt8
        static let main = Region(rawValue: 1)
        static let article = Region(rawValue: 2)
        static let form = Region(rawValue: 4)
        /// Inside `article`, `section` or `aside`: a `header` or `footer` there belongs to that
        /// section, not to the page.
        static let sectioning = Region(rawValue: 8)
    }

    var kind: Kind
    var text: String
    var line: Int
    /// The nearest preceding anchor seen anywhere, inside `<main>`, inside an `<article>`.
    var anchor: String?
    var mainAnchor: String?
    var articleAnchor: String?
    var region: Region
    /// Bytes of text inside links, against all text bytes: the link-density evidence.
    var linkBytes: Int
    var textBytes: Int
    /// Words in `text`, counted while it was collected.
    var words: Int
    /// `pre`-like blocks keep their line breaks and are not split at sentence ends.
    var preformatted: Bool

    var isSectionEnd: Bool {
        if case .sectionEnd = kind { return true }
        return false
    }
}
