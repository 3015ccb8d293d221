/// The HTML elements the extractor treats specially, looked up by the hash of the lowercased name.
enum HTMLTag {
    case block
    case inline
    case heading(Int)
    case preformatted
    case row
    case cell
    case lineBreak
    case title
    /// Scripts, styles, controls, embedded media: never text a reader would quote.
    case skip
    case nav
    case header
    case footer
    case aside
    case main
    case article
    case section
    case form
    case anchor
    case superscript
    case meta
    case link
    case time
    /// `html` and `body`: containers whose names must not count as chrome evidence.
    case root

    static func of(_ name: UnsafePointer<UInt8>) -> HTMLTag {
        table[ByteName.hash(name)] ?? .inline
    }

    private static let table: [UInt64: HTMLTag] = {
        var table: [UInt64: HTMLTag] = [:]
        func add(_ tag: HTMLTag, _ names: String...) {
            for name in names { table[ByteName.hash(name)] = tag }
        }
        add(.block, "p", "div", "address", "blockquote", "center", "dl", "dd", "dt", "figure", "figcaption",
            "fieldset", "legend", "details", "summary", "hgroup", "hr", "li", "ol", "ul", "menu", "dir",
            "caption", "table", "thead", "tbody", "tfoot", "search", "frameset", "noframes")
        add(.root, "html", "body")
        for level in 1...6 { add(.heading(level), "h\(level)") }
        add(.preformatted, "pre", "listing", "xmp", "plaintext")
        add(.row, "tr")
        add(.cell, "td", "th")
        add(.lineBreak, "br")
        add(.title, "title")
        add(.skip, "script", "style", "noscript", "template", "svg", "math", "iframe", "frame", "object",
            "embed", "canvas", "audio", "video", "button", "select", "input", "textarea", "option",
            "optgroup", "datalist", "output", "progress", "meter", "dialog", "map", "label")
        add(.nav, "nav")
        add(.header, "header")
        add(.footer, "footer")
        add(.aside, "aside")
        add(.main, "main")
        add(.article, "article")
        add(.section, "section")
        add(.form, "form")
        add(.anchor, "a")
        add(.superscript, "sup")
        add(.meta, "meta")
        add(.link, "link")
        add(.time, "time")
        return table
    }()
}
