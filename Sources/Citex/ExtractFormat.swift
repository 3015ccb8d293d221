import Index

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
        let passages = document.passages.map { passage in
            "{\"id\":\(JSONText.string(passage.id.description)),\"ordinal\":\(passage.ordinal),"
                + "\"section\":\(JSONText.array(passage.section)),\"text\":\(JSONText.string(passage.text)),"
                + "\"line\":\(passage.line),\"anchor\":\(JSONText.optional(passage.anchor))}"
        }
        return "{\"path\":\(JSONText.string(document.path)),\"title\":\(JSONText.string(document.title)),"
            + "\"url\":\(JSONText.optional(document.url)),\"lang\":\(JSONText.optional(document.language)),"
            + "\"passages\":[\(passages.joined(separator: ","))]}"
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
