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

    /// The snippet of `text` for `query`; prepares the query for this one passage (use a
    /// `HighlightMatcher` to share that work across hits).
    public func snippet(of text: String, for query: HighlightQuery) -> Snippet {
        snippet(of: text, for: HighlightMatcher(query))
    }

    /// The snippet of `text` for a prepared query. Complexity: O(n + m log m) for n bytes and
    /// m matches.
    public func snippet(of text: String, for matcher: HighlightMatcher) -> Snippet {
        var text = text
        return text.withUTF8 { bytes in
            TextLayout.with(bytes) { layout in
                let matches = QueryMatch.all(in: bytes, matcher: matcher, analyzer: analyzer)
                let window = chooseWindow(layout, matches, unitCount: matcher.unitCount)
                return render(layout, window, matches)
            }
        }
    }

    /// The byte range to show.
    private func chooseWindow(_ layout: TextLayout, _ matches: [QueryMatch], unitCount: Int) -> Range<Int> {
        let limit = options.maxCharacters
        if layout.length(0, layout.count) <= limit { return 0..<layout.count }
        guard let core = densestRun(layout, matches, unitCount: unitCount) else { return 0..<cutEnd(layout, start: 0, after: 0) }
        let start: Int
        if let sentence = layout.sentenceStart(
            atOrBefore: core.lowerBound, notBefore: layout.retreat(core.upperBound, scalars: limit)) {
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
    ///
    /// A sliding window: matches are sorted by start, so a later `first` can only reach as far
    /// or further, and `counts` (matches per unit in the window) is updated as both ends move
    /// instead of being rebuilt for each start.
    func densestRun(_ layout: TextLayout, _ matches: [QueryMatch], unitCount: Int) -> Range<Int>? {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: max(unitCount, 1)) { counts in
            counts.initialize(repeating: 0)
            var best: (units: Int, count: Int, span: Int, range: Range<Int>)?
            var last = 0
            var covered = 0
            for first in matches.indices {
                last = max(last, first)
                while last < matches.count,
                      layout.length(matches[first].range.lowerBound, matches[last].range.upperBound) <= options.maxCharacters {
                    if counts[matches[last].unit] == 0 { covered += matches[last].words }
                    counts[matches[last].unit] += 1
                    last += 1
                }
                guard last > first else { continue }
                let range = matches[first].range.lowerBound..<matches[last - 1].range.upperBound
                let span = layout.length(range.lowerBound, range.upperBound)
                if best.map({ ($0.units, $0.count, -$0.span) < (covered, last - first, -span) }) ?? true {
                    best = (covered, last - first, span, range)
                }
                counts[matches[first].unit] -= 1
                if counts[matches[first].unit] == 0 { covered -= matches[first].words }
            }
            return best?.range
        }
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
        let text = [UInt8](unsafeUninitializedCapacity: end - start + 6) { output, written in
            written = 0
            func appendEllipsis() {  // U+2026
                output[written] = 0xE2
                output[written + 1] = 0x80
                output[written + 2] = 0xA6
                written += 3
            }
            if cutBefore { appendEllipsis() }
            if let source = layout.bytes.baseAddress, let target = output.baseAddress {
                (target + written).initialize(from: source + start, count: end - start)
                Self.flattenLineBreaks(UnsafeMutableBufferPointer(start: target + written, count: end - start))
                written += end - start
            }
            if cutAfter { appendEllipsis() }
        }
        let shift = (cutBefore ? 1 : 0) - layout.scalarOffset(start)
        var highlights: [Range<Int>] = []
        highlights.reserveCapacity(matches.count)
        for match in matches where match.range.lowerBound >= start && match.range.upperBound <= end {
            let span = (layout.scalarOffset(match.range.lowerBound) + shift)..<(layout.scalarOffset(match.range.upperBound) + shift)
            if let last = highlights.last, span.lowerBound <= last.upperBound {
                highlights[highlights.count - 1] = last.lowerBound..<max(last.upperBound, span.upperBound)
            } else {
                highlights.append(span)
            }
        }
        return Snippet(utf8: text, highlights: highlights)
    }

    /// Turns tabs and line breaks into spaces (a snippet is one line), byte for byte.
    ///
    /// Eight bytes at a time: a group with no byte below 0x0E (most of them) is left as
    /// copied; in the others, the bytes equal to a tab, line feed or carriage return are
    /// found exactly (a zero test per lane that no borrow crosses) and replaced together.
    static func flattenLineBreaks(_ bytes: UnsafeMutableBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let lows = ones &* 0x7F, highs = ones &* 0x80
        /// Bit 7 of each byte of `word` that is zero.
        @inline(__always) func zeroBytes(_ word: UInt64) -> UInt64 { ~((word & lows) &+ lows | word) & highs }
        var index = 0
        while index + 8 <= bytes.count {
            let raw = UnsafeMutableRawPointer(base + index)
            let word = raw.loadUnaligned(as: UInt64.self)
            // Bit 7 of a byte below 0x0E is set (and maybe of a byte above one, by the
            // borrow); bytes ≥ 0x80 are excluded by `~word`.
            if (word &- ones &* 0x0E) & ~word & highs != 0 {
                let breaks = zeroBytes(word ^ ones &* 0x0A) | zeroBytes(word ^ ones &* 0x09) | zeroBytes(word ^ ones &* 0x0D)
                let lanes = (breaks >> 7) &* 0xFF
                raw.storeBytes(of: word & ~lanes | ones &* 0x20 & lanes, as: UInt64.self)
            }
            index += 8
        }
        while index < bytes.count {
            let byte = base[index]
            if byte == 0x0A || byte == 0x09 || byte == 0x0D { base[index] = 0x20 }
            index += 1
        }
    }
}
