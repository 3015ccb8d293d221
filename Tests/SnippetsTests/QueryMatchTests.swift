import Analysis
@testable import Snippets
import Testing
import TestSupport

/// The fast paths of snippet building against obvious references: matches found through the
/// filtered analysis against a scan of every token, and the sliding-window choice of the
/// densest run against trying every run.
struct QueryMatchTests {
    static let vocabulary = [
        "rome", "Statute", "signing", "signed", "signature", "ICC-related", "court", "U.S.", "don't",
        "Café", "cafe", "Straße", "Ｒｏｍｅ", "東京都", "ελληνικά", "ing-s", "related", "happiness",
        "happier", "3.5", "1990-1995", "relfrozenxid", "the", "of", "a", "—", "&",
        "counterrevolutionaries", "counterrevolutionary", "relfrozenxid-relfrozenxid", "abcdefghijklmnop",
        "abcdefghijklmnopq", "abcdefghijklmnopqr",
    ]

    /// Every match by brute force: the full analysis, each token compared with each unit, and
    /// each phrase tried at every token.
    static func reference(_ text: [UInt8], _ query: HighlightQuery) -> [QueryMatch] {
        var tokens: [(term: [UInt8], folded: [UInt8], position: UInt32, range: Range<Int>)] = []
        text.withUnsafeBufferPointer { bytes in
            Analyzer().analyze(bytes) { token in
                tokens.append((Array(token.term), Array(token.folded), token.position, token.sourceRange))
            }
        }
        var matches: [QueryMatch] = []
        for token in tokens {
            if let unit = query.terms.firstIndex(of: token.term) {
                matches.append(QueryMatch(range: token.range, unit: unit))
            } else if let prefix = query.prefixes.firstIndex(where: { token.folded.starts(with: $0) }) {
                matches.append(QueryMatch(range: token.range, unit: query.terms.count + prefix))
            }
        }
        for (index, phrase) in query.phrases.enumerated() {
            for start in tokens where start.term == phrase[0] {
                var end = start
                var complete = true
                for (offset, word) in phrase.enumerated().dropFirst() {
                    guard let next = tokens.first(where: { $0.position == start.position + UInt32(offset) && $0.term == word })
                    else {
                        complete = false
                        break
                    }
                    end = next
                }
                if complete {
                    matches.append(QueryMatch(
                        range: start.range.lowerBound..<end.range.upperBound,
                        unit: query.terms.count + query.prefixes.count + index, words: phrase.count))
                }
            }
        }
        return matches.sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
    }

    static func randomCase(_ seed: UInt64) -> (text: [UInt8], query: HighlightQuery) {
        var random = SeededGenerator(seed: seed)
        let separators = [" ", " ", "\n", ", ", ". ", "-", " (", ") "]
        var text = ""
        for _ in 0..<Int.random(in: 0...80, using: &random) {
            text += vocabulary.randomElement(using: &random) ?? ""
            text += separators.randomElement(using: &random) ?? ""
        }
        func pick() -> String { vocabulary.randomElement(using: &random) ?? "" }
        let words = (0..<Int.random(in: 0...3, using: &random)).map { _ in pick() }.joined(separator: " ")
        let phrases = (0..<Int.random(in: 0...2, using: &random)).map { _ in
            (0..<Int.random(in: 2...3, using: &random)).map { _ in pick() }.joined(separator: " ")
        }
        let analysed = HighlightQuery(words: words, phrases: phrases, analyzer: Analyzer())
        let prefixes = Bool.random(using: &random) ? [Array("hap".utf8)] : []
        return (Array(text.utf8), HighlightQuery(terms: analysed.terms, prefixes: prefixes, phrases: analysed.phrases))
    }

    @Test(arguments: 0..<300)
    func filteredMatchingAgreesWithScanningEveryToken(seed: UInt64) {
        let (text, query) = Self.randomCase(seed)
        let fast = text.withUnsafeBufferPointer {
            QueryMatch.all(in: $0, matcher: HighlightMatcher(query), analyzer: Analyzer())
        }
        #expect(fast == Self.reference(text, query), "text: \(String(decoding: text, as: UTF8.self).debugDescription)")
    }

    /// Random bytes, tabs, line breaks and other control bytes among them: the eight-byte scan
    /// flattens exactly the bytes a byte-by-byte map would.
    @Test(arguments: 0..<100)
    func flatteningLineBreaksAgreesWithMappingEveryByte(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let pool: [UInt8] = [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x00, 0x01, 0x20, 0x41, 0x7F, 0x80, 0x8A, 0xE2, 0xFF]
        var bytes = (0..<Int.random(in: 0...40, using: &random)).map { _ in pool.randomElement(using: &random) ?? 0 }
        let expected = bytes.map { $0 == 0x0A || $0 == 0x09 || $0 == 0x0D ? 0x20 : $0 }
        bytes.withUnsafeMutableBufferPointer { SnippetBuilder.flattenLineBreaks($0) }
        #expect(bytes == expected, "bytes: \(bytes)")
    }

    /// Multi-byte characters among ASCII: the scalar offset of every byte, from the table built
    /// eight bytes at a time, agrees with counting the scalars before it one by one.
    @Test(arguments: 0..<50)
    func scalarOffsetsAgreeWithCountingEveryByte(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let pool = ["a", " ", "é", "—", "東", "𝒳", "\n", "Z"]
        let text = (0..<Int.random(in: 0...60, using: &random)).map { _ in pool.randomElement(using: &random) ?? "" }.joined()
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            TextLayout.with(buffer) { layout in
                for index in 0...bytes.count {
                    let expected = bytes[..<index].filter { $0 & 0xC0 != 0x80 }.count
                    #expect(layout.scalarOffset(index) == expected, "text: \(text.debugDescription) at \(index)")
                }
            }
        }
    }

    /// The densest run by trying every first and last match.
    static func bruteForceDensestRun(_ layout: TextLayout, _ matches: [QueryMatch], limit: Int) -> Range<Int>? {
        var best: (units: Int, count: Int, span: Int, range: Range<Int>)?
        for first in matches.indices {
            var units: [Int: Int] = [:]
            var last = first
            while last < matches.count,
                  layout.length(matches[first].range.lowerBound, matches[last].range.upperBound) <= limit {
                units[matches[last].unit] = matches[last].words
                last += 1
            }
            guard last > first else { continue }
            let range = matches[first].range.lowerBound..<matches[last - 1].range.upperBound
            let span = layout.length(range.lowerBound, range.upperBound)
            let candidate = (units.values.reduce(0, +), last - first, span, range)
            if best.map({ ($0.units, $0.count, -$0.span) < (candidate.0, candidate.1, -candidate.2) }) ?? true {
                best = candidate
            }
        }
        return best?.range
    }

    @Test(arguments: 0..<300)
    func slidingWindowAgreesWithTryingEveryRun(seed: UInt64) {
        let (text, query) = Self.randomCase(seed)
        let matcher = HighlightMatcher(query)
        let limit = 20 + Int(seed % 100)
        let builder = SnippetBuilder(analyzer: Analyzer(), options: SnippetOptions(maxCharacters: limit))
        text.withUnsafeBufferPointer { bytes in
            TextLayout.with(bytes) { layout in
                let matches = QueryMatch.all(in: bytes, matcher: matcher, analyzer: Analyzer())
                #expect(builder.densestRun(layout, matches, unitCount: matcher.unitCount)
                    == Self.bruteForceDensestRun(layout, matches, limit: limit))
            }
        }
    }
}
