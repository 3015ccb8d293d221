/// How the generic XML mapping reads element names (local names, lowercased: namespaces and
/// prefixes never matter). Covers DocBook, TEI, JATS, Mallard, Atom and RSS without being
/// limited to them: unknown elements are blocks or inline by whether their parent has text.
enum XMLName {
    enum Kind {
        /// Always a section, titled or not.
        case section
        /// A section title when its parent is a section (or the root); otherwise a caption block.
        case title
        /// Owns a title that is a caption, not a section heading (`figure`, `table`, `note`).
        case captionOwner
        /// A block even inside mixed content (`itemizedlist` in a DocBook `para`).
        case block
        case preformatted
        case row
        /// A table cell; DocBook's `entry` is one only inside a row (Atom's `entry` is a section).
        case cell
        case lineBreak
        /// Bibliographic metadata, skipped (the document's title and date are read from it first);
        /// inside running text the same names are inline (a Mallard or DocBook `<link>`).
        case metadata
        /// A metadata wrapper whose `abstract` is still content (DocBook `info`, JATS `article-meta`).
        case metadataContainer
        case abstract
        /// Footnotes (`footnote`, JATS `fn`, a TEI `note` inside text): cut out of the sentence they
        /// interrupt, since a reader quoting the sentence would not quote them.
        case footnote
    }

    static func kind(_ name: UnsafePointer<UInt8>) -> Kind? {
        table[ByteName.hash(name)]
    }

    static func isEntry(_ name: UnsafePointer<UInt8>) -> Bool { ByteName.equals(name, "entry") }

    private static let table: [UInt64: Kind] = {
        var table: [UInt64: Kind] = [:]
        func add(_ kind: Kind, _ names: [String]) {
            for name in names { table[ByteName.hash(name)] = kind }
        }
        add(.section, [
            "section", "sect1", "sect2", "sect3", "sect4", "sect5", "simplesect", "chapter", "appendix",
            "preface", "part", "refsect1", "refsect2", "refsect3", "refsection", "sec", "div1", "div2",
            "div3", "div4", "div5", "div6", "div7", "glossary", "bibliography", "colophon", "ack",
        ])
        add(.title, ["title", "head", "article-title"])
        add(.captionOwner, [
            "figure", "informalfigure", "table", "informaltable", "table-wrap", "fig", "example", "equation",
            "note", "tip", "warning", "caution", "important", "sidebar", "formalpara", "listing", "terms",
            "admonition", "boxed-text", "list", "media", "figgroup",
        ])
        add(.block, [
            "p", "para", "simpara", "itemizedlist", "orderedlist", "variablelist", "simplelist", "segmentedlist",
            "listitem", "varlistentry", "blockquote", "quote-block", "disp-quote", "ul", "ol", "dl",
            "li", "dt", "dd", "caption", "mediaobject", "steps", "substeps", "step", "tgroup", "tbody",
            "thead", "tfoot", "lg", "l", "sp", "speaker", "stage", "summary", "content", "description",
        ])
        add(.preformatted, [
            "programlisting", "screen", "literallayout", "pre", "synopsis", "verbatim", "code", "preformat",
            "address", "egxml",
        ])
        add(.row, ["row", "tr"])
        add(.cell, ["td", "th", "cell", "entrytbl"])
        add(.lineBreak, ["lb", "br", "sbr"])
        add(.metadata, [
            "teiheader", "docno", "docid", "author", "authors", "authorgroup", "editor", "contrib-group",
            "aff", "author-notes", "permissions", "history", "kwd-group", "article-id", "article-categories",
            "counts", "self-uri", "custom-meta-group", "funding-group", "title-group", "pub-date",
            "journal-meta", "link", "id", "guid", "updated", "published", "pubdate", "category", "generator",
            "rights", "icon", "logo", "ttl", "lastbuilddate", "language", "copyright", "managingeditor",
            "webmaster", "comments", "source", "enclosure", "indexterm", "remark", "credit", "revision",
            "desc", "keywordset", "subjectset", "biblioid", "releaseinfo", "date", "legalnotice",
            "processing-meta", "volume", "issue", "fpage", "lpage", "elocation-id", "cloud", "image",
            "textinput", "skipdays", "skiphours", "docs", "contributor", "subtitle", "tagline",
        ])
        add(.metadataContainer, [
            "info", "articleinfo", "bookinfo", "chapterinfo", "sectioninfo", "sect1info", "sect2info",
            "sect3info", "prefaceinfo", "appendixinfo", "docinfo", "refentryinfo", "article-meta", "front",
        ])
        add(.abstract, ["abstract", "trans-abstract"])
        add(.footnote, ["footnote", "fn"])
        return table
    }()
}
