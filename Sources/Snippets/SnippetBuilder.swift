import Analysis

/// Chooses the fragment of a passage that best shows why it matched, and marks the matches.
///
/// The window covers the most distinct query units (terms, prefixes, whole phrases; a phrase
/// counts as many words as it has), then
/// the most matches, in the fewest characters; it is widened to a sentence start when that
/// fits and cut at a sentence end or at least between words, never inside a word.
public struct SnippetBuilder: Sendable {
    public var analyzer: Analyzer
    public var options: SnippetOptions

    public init(analyzer: Analyzer, options: SnippetOptions = SnippetOptions()) {
        self.analyzer = analyzer
        self.options = options
    }

    /// The snippet of `text` for `query`. Complexity: O(n + m²) for n bytes and m matches.
    public func snippet(of text: String, for query: HighlightQuery) -> Snippet {
        let layout = TextLayout(Array(text.utf8))
        let matches = layout.bytes.withUnsafeBufferPointer {
            QueryMatch.all(in: $0, query: query, analyzer: analyzer)
        }
        let window = chooseWindow(layout, matches)
        return render(layout, window, matches)
    }

    /// The byte range to show.
    private func chooseWindow(_ layout: TextLayout, _ matches: [QueryMatch]) -> Range<Int> {
        let limit = options.maxCharacters
        if layout.length(0, layout.count) <= limit { return 0..<layout.count }
        guard let core = densestRun(layout, matches) else { return 0..<cutEnd(layout, start: 0, after: 0) }
        let sentence = layout.sentenceStart(atOrBefore: core.lowerBound)
        let start: Int
        if layout.length(sentence, core.upperBound) <= limit {
            start = sentence
        } else {
            let lead = (limit - layout.length(core.lowerBound, core.upperBound)) / 3
            let earliest = layout.retreat(core.lowerBound, scalars: lead)
            start = layout.firstWordStart(in: earliest, core.lowerBound) ?? core.lowerBound
        }
        return start..<cutEnd(layout, start: start, after: core.upperBound)
    }

    /// The matches `first...last` that fit in the length limit and cover the most distinct
    /// query words, then the most matches, then the shortest span; as a byte range.
    private func densestRun(_ layout: TextLayout, _ matches: [QueryMatch]) -> Range<Int>? {
        var best: (units: Int, count: Int, span: Int, range: Range<Int>)?
        for first in matches.indices {
            var units: [Int: Int] = [:]
            var last = first
            while last < matches.count,
                  layout.length(matches[first].range.lowerBound, matches[last].range.upperBound) <= options.maxCharacters {
                units[matches[last].unit] = matches[last].words
                last += 1
            }
            guard last > first else { continue }
            let range = matches[first].range.lowerBound..<matches[last - 1].range.upperBound
            let span = layout.length(range.lowerBound, range.upperBound)
            let covered = units.values.reduce(0, +)
            if let current = best, (current.units, current.count, -current.span) >= (covered, last - first, -span) {
                continue
            }
            best = (covered, last - first, span, range)
        }
        return best?.range
    }

    /// Where to end a window that starts at `start` and must include bytes before `after`:
    /// at a sentence end if that keeps at least half the length, else between words.
    private func cutEnd(_ layout: TextLayout, start: Int, after: Int) -> Int {
        let limit = layout.advance(start, scalars: options.maxCharacters)
        if limit >= layout.count { return layout.count }
        let half = max(after, layout.advance(start, scalars: options.maxCharacters / 2))
        if let sentence = layout.lastSentenceEnd(in: half, limit) { return sentence }
        return layout.lastWordEnd(in: after, limit) ?? limit
    }

    private func render(_ layout: TextLayout, _ window: Range<Int>, _ matches: [QueryMatch]) -> Snippet {
        var start = window.lowerBound, end = window.upperBound
        while start < end, layout.isSpace(start) { start += 1 }
        while end > start, layout.isSpace(end - 1) { end -= 1 }
        let cutBefore = start > 0, cutAfter = end < layout.count
        var text = cutBefore ? "…" : ""
        let body = layout.bytes[start..<end].map { $0 == 0x0A || $0 == 0x09 || $0 == 0x0D ? 0x20 : $0 }
        text += String(decoding: body, as: UTF8.self)
        if cutAfter { text += "…" }
        let shift = (cutBefore ? 1 : 0) - layout.scalarOffset(start)
        var highlights: [Range<Int>] = []
        for match in matches where match.range.lowerBound >= start && match.range.upperBound <= end {
            let span = (layout.scalarOffset(match.range.lowerBound) + shift)..<(layout.scalarOffset(match.range.upperBound) + shift)
            if let last = highlights.last, span.lowerBound <= last.upperBound {
                highlights[highlights.count - 1] = last.lowerBound..<max(last.upperBound, span.upperBound)
            } else {
                highlights.append(span)
            }
        }
        return Snippet(text: text, highlights: highlights)
    }
}
