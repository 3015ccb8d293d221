extension HitRenderer {
    /// Each hit as a quotation, then a citation line linking `[Title — Section](url#anchor)`.
    func markdown(_ page: ResultPage) -> String {
        var output = ""
        if let qid = page.qid { output += "### \(qid): \(Self.escapeMarkdown(page.query))\n\n" }
        for hit in page.hits {
            let citation = hit.citation
            output += "> " + Self.markdownSnippet(hit.snippet) + "\n>\n" + Self.markdownCitation(citation) + "\n\n"
        }
        return output
    }

    /// `> — [Title — Section](url#anchor), `path:line`, id `…``: the line under a quotation.
    static func markdownCitation(_ citation: Citation) -> String {
        "> — [\(escapeMarkdown(citation.heading))](\(markdownDestination(citation.link))), `\(citation.location)`, id `\(citation.id)`"
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
