/// Renders result pages in an `OutputFormat`; the CLI only writes what this returns.
public struct HitRenderer: Sendable {
    public var format: OutputFormat
    /// Whether the text format uses ANSI styles (bold matches, dimmed citations).
    public var color: Bool

    public init(format: OutputFormat, color: Bool = false) {
        self.format = format
        self.color = color
    }

    /// The whole output for one query, ending in a newline unless there is nothing to print.
    public func render(_ page: ResultPage) -> String {
        switch format {
        case .text: return text(page)
        case .markdown: return markdown(page)
        case .json, .jsonl: return String(decoding: renderBytes(page), as: UTF8.self)
        case .trec: return trec(page)
        }
    }

    /// `render(page)` as UTF-8, for writing out: JSON (either format), composed as bytes, is
    /// not made a `String` on the way (validating a batch's JSON again was 5 % of its
    /// instructions).
    public func renderBytes(_ page: ResultPage) -> [UInt8] {
        switch format {
        case .json:
            var bytes = json(page).bytes
            bytes.append(UInt8(ascii: "\n"))
            return bytes
        case .jsonl:
            var bytes: [UInt8] = []
            for hit in page.hits {
                bytes.append(contentsOf: jsonLine(page, hit))
                bytes.append(UInt8(ascii: "\n"))
            }
            return bytes
        case .text, .markdown, .trec:
            return Array(render(page).utf8)
        }
    }

    private func text(_ page: ResultPage) -> String {
        var output = ""
        if let qid = page.qid { output += style("# \(qid): \(page.query)", .dim) + "\n" }
        for hit in page.hits {
            let citation = hit.citation
            output += style(citation.path, .path) + ":" + style(String(citation.line), .line)
            output += "  " + citation.heading + "\n"
            let snippet = color ? hit.snippet.marked(open: ANSI.match, close: ANSI.reset) : hit.snippet.text
            output += "    " + snippet + "\n"
            output += style("    " + citation.linkAndID, .dim) + "\n\n"
        }
        return output
    }

    private func trec(_ page: ResultPage) -> String {
        let qid = page.qid ?? "1"
        return page.hits.map { hit in
            let score = String(format6: hit.score)
            return "\(qid) Q0 \(hit.document.path.replacingSpaces) \(hit.rank) \(score) citex\n"
        }.joined()
    }

    private enum Role { case path, line, dim }

    private func style(_ text: String, _ role: Role) -> String {
        guard color else { return text }
        switch role {
        case .path: return ANSI.path + text + ANSI.reset
        case .line: return ANSI.line + text + ANSI.reset
        case .dim: return ANSI.dim + text + ANSI.reset
        }
    }
}

/// The escape codes grep users know: magenta file names, green line numbers, bold red matches.
enum ANSI {
    static let path = "\u{1B}[35m"
    static let line = "\u{1B}[32m"
    static let match = "\u{1B}[1;31m"
    static let dim = "\u{1B}[2m"
    static let reset = "\u{1B}[0m"
}

extension String {
    /// A score with six decimals, without Foundation's `String(format:)`.
    init(format6 value: Double) {
        let scaled = (value * 1_000_000).rounded()
        guard scaled.isFinite, abs(scaled) < 9e18 else { self = "0.000000"; return }
        let integer = Int64(scaled)
        let sign = integer < 0 ? "-" : ""
        let magnitude = integer.magnitude
        let fraction = String(magnitude % 1_000_000)
        self = sign + String(magnitude / 1_000_000) + "." + String(repeating: "0", count: 6 - fraction.count) + fraction
    }

    /// TREC runs are split on white space, so a path keeps its spaces as `%20`.
    var replacingSpaces: String {
        split(separator: " ", omittingEmptySubsequences: false).joined(separator: "%20")
    }
}
