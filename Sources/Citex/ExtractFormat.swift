import Index
import Snippets

/// How `citex extract` shows a document.
public enum ExtractFormat: String, Sendable, CaseIterable {
    /// For reading: a header per document, then each passage with its citation.
    case text
    /// One JSON object per document per line:
    /// `{"path","title","url","lang","passages":[{"id","ordinal","section","text","line","anchor"}]}`.
    case json

    public func render(_ document: Document) -> String {
        switch self {
        case .json: Self.json(document)
        case .text: Self.text(document)
        }
    }

    static func json(_ document: Document) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.key("path"); json.string(document.path)
        json.key("title"); json.string(document.title)
        json.key("url"); json.string(document.url)
        json.key("lang"); json.string(document.language)
        json.key("passages")
        json.beginArray()
        for passage in document.passages {
            json.beginObject()
            json.key("id"); json.string(passage.id.description)
            json.key("ordinal"); json.int(passage.ordinal)
            json.key("section"); json.strings(passage.section)
            json.key("text"); json.string(passage.text)
            json.key("line"); json.int(passage.line)
            json.key("anchor"); json.string(passage.anchor)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.output
    }

    static func text(_ document: Document) -> String {
        var lines = ["== \(document.path) — \(document.title)"]
        let facts = [
            document.url.map { "url: \($0)" }, document.language.map { "lang: \($0)" },
            document.date.map { "date: \($0)" }, "\(document.passages.count) passages",
        ].compactMap { $0 }
        lines.append("   " + facts.joined(separator: " · "))
        for passage in document.passages {
            let section = passage.section.isEmpty ? "(no section)" : passage.section.joined(separator: " › ")
            let anchor = passage.anchor.map { " #\($0)" } ?? ""
            lines.append("")
            lines.append("[\(passage.ordinal)] \(section) — line \(passage.line)\(anchor) — \(passage.id)")
            for line in passage.text.split(separator: "\n", omittingEmptySubsequences: false) {
                lines.append("    " + line)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
