extension HitRenderer {
    /// Each hit as a quotation, then a citation line linking `[Title — Section](url#anchor)`.
    func markdown(_ page: ResultPage) -> String {
        var output = ""
        if let qid = page.qid { output += "### \(qid): \(Self.escapeMarkdown(page.query))\n\n" }
        for hit in page.hits {
            let citation = hit.citation
            output += "> " + Self.markdownSnippet(hit.snippet) + "\n>\n"
            output += "> — [\(Self.escapeMarkdown(citation.heading))](\(Self.markdownDestination(citation.link)))"
            output += ", `\(citation.location)`, id `\(citation.id)`\n\n"
        }
        return output
    }

    /// The snippet with matches in bold and Markdown's special characters escaped.
    static func markdownSnippet(_ snippet: Snippet) -> String {
        var result = ""
        let scalars = Array(snippet.text.unicodeScalars)
        var position = 0
        for span in snippet.highlights {
            result += escapeMarkdown(String(String.UnicodeScalarView(scalars[position..<span.lowerBound])))
            result += "**" + escapeMarkdown(String(String.UnicodeScalarView(scalars[span]))) + "**"
            position = span.upperBound
        }
        result += escapeMarkdown(String(String.UnicodeScalarView(scalars[position...])))
        return result
    }

    static func escapeMarkdown(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_[]<>|#".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// A link destination in angle brackets when it has spaces or parentheses.
    static func markdownDestination(_ link: String) -> String {
        link.contains(where: { $0 == " " || $0 == "(" || $0 == ")" }) ? "<\(link)>" : link
    }
}
