/// The best fragment of a passage for a query, ready to print in any format.
public struct Snippet: Sendable, Equatable {
    /// The fragment, with `…` where the passage was cut.
    public var text: String
    /// Highlighted spans as `[start, end)` offsets in Unicode scalars of `text`, sorted and
    /// disjoint (JSON consumers in any language can index with them).
    public var highlights: [Range<Int>]

    public init(text: String, highlights: [Range<Int>]) {
        self.text = text
        self.highlights = highlights
    }

    /// `text` with each highlight wrapped in `open`/`close` (`**`, ANSI codes, `<mark>`).
    public func marked(open: String, close: String) -> String {
        var result = ""
        var scalars = text.unicodeScalars[...]
        var offset = 0
        for span in highlights {
            result.unicodeScalars.append(contentsOf: scalars.prefix(span.lowerBound - offset))
            scalars = scalars.dropFirst(span.lowerBound - offset)
            result += open
            result.unicodeScalars.append(contentsOf: scalars.prefix(span.count))
            scalars = scalars.dropFirst(span.count)
            result += close
            offset = span.upperBound
        }
        result.unicodeScalars.append(contentsOf: scalars)
        return result
    }
}
