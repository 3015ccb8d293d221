import Index

/// A reference entry for the document a passage came from, with the passage quoted.
public struct Reference: Sendable {
    public var citation: Citation
    /// The document's own date, when the page states one.
    public var published: String?
    /// When the source was accessed: the day the page was saved or indexed (`YYYY-MM-DD`).
    public var accessed: String
    public var quote: String

    public init(document: Document, passage: Passage, accessed: String) {
        citation = Citation(document: document, passage: passage)
        published = document.date
        self.accessed = accessed
        quote = passage.text
    }

    /// The host of the page's URL, used as the site name.
    public var site: String? {
        guard let url = citation.url?.utf8, let colon = url.firstIndex(of: UInt8(ascii: ":")),
              url[colon...].starts(with: "://".utf8) else { return nil }
        let rest = url[url.index(colon, offsetBy: 3)...]
        let host = rest.prefix { !"/?#:".utf8.contains($0) }
        guard let name = String(host), !name.isEmpty else { return nil }
        return name.hasPrefix("www.") ? String(name.dropFirst(4)) : name
    }

    public func render(_ style: ReferenceStyle) -> String {
        switch style {
        case .markdown: return markdown
        case .bibtex: return bibtex
        case .cslJSON: return cslJSON
        }
    }

    /// `Title — Section. site, date. <link> (accessed …).` then the quotation.
    private var markdown: String {
        var line = HitRenderer.escapeMarkdown(citation.heading) + "."
        let origin = [site, published].compactMap { $0 }
        if !origin.isEmpty { line += " " + origin.joined(separator: ", ") + "." }
        line += citation.url != nil ? " <\(citation.link)>" : " `\(citation.location)`"
        line += " (accessed \(accessed); passage `\(citation.id)`)."
        return line + "\n\n> " + HitRenderer.escapeMarkdown(quote) + "\n"
    }

    private var bibtex: String {
        var fields: [(String, String)] = [("title", citation.title)]
        if let site { fields.append(("organization", site)) }
        if let published, let parts = Self.dateParts(published) {
            fields.append(("date", parts.map { $0 < 10 ? "0\($0)" : String($0) }.joined(separator: "-")))
        }
        if citation.url != nil { fields.append(("url", citation.link)) } else { fields.append(("howpublished", citation.location)) }
        fields.append(("urldate", accessed))
        var note = citation.section.isEmpty ? "" : "Section: \(citation.section.joined(separator: " > ")). "
        note += "Quoted passage (\(citation.location), id \(citation.id)): ``\(quote)''"
        fields.append(("note", note))
        let body = fields.map { name, value in
            let escaped = name == "url" ? value : Self.escapeLaTeX(value)
            return "  \(name) = {\(escaped)},"
        }
        return "@online{citex-\(citation.id),\n" + body.joined(separator: "\n") + "\n}\n"
    }

    private var cslJSON: String {
        var json = JSONWriter()
        json.beginArray()
        json.beginObject()
        json.key("id"); json.string("citex-\(citation.id)")
        json.key("type"); json.string("webpage")
        json.key("title"); json.string(citation.title)
        if let site { json.key("container-title"); json.string(site) }
        json.key("URL"); json.string(citation.url != nil ? citation.link : citation.location)
        if let published, let parts = Self.dateParts(published) { json.key("issued"); Self.writeDate(parts, to: &json) }
        if let accessedParts = Self.dateParts(accessed) { json.key("accessed"); Self.writeDate(accessedParts, to: &json) }
        if !citation.section.isEmpty { json.key("section"); json.string(citation.section.joined(separator: " › ")) }
        json.key("note"); json.string("“\(quote)” (\(citation.location), passage \(citation.id))")
        json.endObject()
        json.endArray()
        return json.output + "\n"
    }

    /// `[year, month?, day?]` from the start of an ISO 8601 date.
    public static func dateParts(_ date: String) -> [Int]? {
        let parts = date.prefix(10).split(separator: "-").prefix(3).compactMap { Int($0) }
        guard let year = parts.first, year > 0, year < 10_000 else { return nil }
        return parts
    }

    private static func writeDate(_ parts: [Int], to json: inout JSONWriter) {
        json.beginObject()
        json.key("date-parts")
        json.beginArray(); json.beginArray()
        for part in parts { json.int(part) }
        json.endArray(); json.endArray()
        json.endObject()
    }

    static func escapeLaTeX(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\textbackslash{}"
            case "{", "}", "%", "&", "$", "#", "_": result += "\\" + String(character)
            case "^": result += "\\^{}"
            case "~": result += "\\~{}"
            default: result.append(character)
            }
        }
        return result
    }
}
