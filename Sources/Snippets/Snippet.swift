/// The best fragment of a passage for a query, ready to print in any format.
///
/// The fragment is kept as UTF-8 bytes, which is how it is built (from the passage's bytes)
/// and how JSON writes it: a `String` made from bytes validates every one of them again, and
/// cost a tenth of a hit's time. `text` makes one when asked (terminal and Markdown output).
public struct Snippet: Sendable, Equatable {
    /// The fragment as UTF-8 (always valid), with `…` where the passage was cut.
    public var utf8: [UInt8]
    /// Highlighted spans as `[start, end)` offsets in Unicode scalars of `text`, sorted and
    /// disjoint (JSON consumers in any language can index with them).
    public var highlights: [Range<Int>]

    public init(text: String, highlights: [Range<Int>]) {
        self.init(utf8: Array(text.utf8), highlights: highlights)
    }

    /// - Parameter utf8: valid UTF-8.
    init(utf8: [UInt8], highlights: [Range<Int>]) {
        self.utf8 = utf8
        self.highlights = highlights
    }

    /// The fragment, with `…` where the passage was cut.
    public var text: String {
        String(decoding: utf8, as: UTF8.self)
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
