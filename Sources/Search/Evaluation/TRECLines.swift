/// Splits TREC text (qrels, runs) into numbered lines of whitespace-separated fields,
/// skipping blank lines and `#` comments.
enum TRECLines {
    static func fields(_ text: String) -> [(line: Int, fields: [Substring])] {
        var result: [(line: Int, fields: [Substring])] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard let first = fields.first, !first.hasPrefix("#") else { continue }
            result.append((index + 1, fields))
        }
        return result
    }
}
