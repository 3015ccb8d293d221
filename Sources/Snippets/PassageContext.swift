import Index

/// A passage found again by its ID, with its neighbours: what `citex show` prints.
public struct PassageContext: Sendable {
    public var document: Document
    public var passage: Passage
    /// Passages of the same document just before and after, in order.
    public var before: [Passage]
    public var after: [Passage]
    public var passageCount: Int
    /// When the source file was last modified (ns since 1970): the day the page was saved.
    public var savedAt: Int64

    public init(document: Document, passage: Passage, before: [Passage], after: [Passage], passageCount: Int, savedAt: Int64) {
        self.document = document
        self.passage = passage
        self.before = before
        self.after = after
        self.passageCount = passageCount
        self.savedAt = savedAt
    }

    public var citation: Citation { Citation(document: document, passage: passage) }

    /// A reference entry; `accessed` defaults to the day the source file was saved.
    public func reference(accessed: String? = nil) -> Reference {
        Reference(document: document, passage: passage, accessed: accessed ?? CalendarDate.string(fromNanoseconds: savedAt))
    }

    /// The passage in `text`, `markdown` or `json` (other formats print as text).
    public func render(_ format: OutputFormat, color: Bool = false) -> String {
        switch format {
        case .markdown:
            return "> " + HitRenderer.escapeMarkdown(passage.text) + "\n>\n" + HitRenderer.markdownCitation(citation) + "\n"
        case .json, .jsonl:
            return json + "\n"
        case .text, .trec:
            return text(color: color)
        }
    }

    private func text(color: Bool) -> String {
        let citation = self.citation
        let dim = color ? ANSI.dim : "", reset = color ? ANSI.reset : ""
        var output = citation.location + "  " + citation.heading + "\n"
        let reference = "    \(citation.linkAndID)  (passage \(passage.ordinal + 1) of \(passageCount))"
        output += dim + reference + reset + "\n\n"
        let width = String((before + [passage] + after).map(\.line).max() ?? 0).count
        func line(_ passage: Passage, marker: String) -> String {
            let number = String(passage.line)
            return marker + String(repeating: " ", count: width - number.count) + number + " │ " + passage.text
        }
        for passage in before { output += dim + line(passage, marker: "  ") + reset + "\n" }
        output += line(passage, marker: "▶ ") + "\n"
        for passage in after { output += dim + line(passage, marker: "  ") + reset + "\n" }
        return output
    }

    private var json: String {
        var json = JSONWriter()
        json.beginObject()
        json.key("id"); json.string(passage.id.description)
        json.key("path"); json.string(document.path)
        json.key("title"); json.string(document.title)
        json.key("url"); json.string(document.url)
        json.key("section"); json.strings(passage.section)
        json.key("line"); json.int(passage.line)
        json.key("anchor"); json.string(passage.anchor)
        json.key("ordinal"); json.int(passage.ordinal)
        json.key("passages_in_document"); json.int(passageCount)
        json.key("text"); json.string(passage.text)
        for (name, list) in [("before" as StaticString, before), ("after", after)] {
            json.key(name)
            json.beginArray()
            for neighbour in list {
                json.beginObject()
                json.key("id"); json.string(neighbour.id.description)
                json.key("line"); json.int(neighbour.line)
                json.key("section"); json.strings(neighbour.section)
                json.key("text"); json.string(neighbour.text)
                json.endObject()
            }
            json.endArray()
        }
        json.endObject()
        return json.output
    }
}
