@testable import Analysis
import TestSupport
import Testing

/// Random byte soup (valid and invalid UTF-8, joiners, CJK, marks) against the tokenizer's
/// invariants, and random plain ASCII against an obviously-correct reference splitter.
struct TokenizerFuzzTests {
    static let fragments: [[UInt8]] = [
        "word", "Café", "-", ".", "'", "’", "_", " ", "3", ".5", "東京", "ｶ", "\u{301}", "\u{AD}", "U.S.",
        "Straße", "한", "𝐀", "\n", "—", "s", "ing",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x82], [0x80], [0xED, 0xA0, 0x80], [0xF0, 0x9F]]

    /// The analyzer's workspace (segments, scratch text, two stem buffers) stays within the
    /// 1 KiB that `withUnsafeTemporaryAllocation` places on the stack, not the heap.
    @Test func workspaceFitsOnTheStack() {
        #expect(MemoryLayout<Tokenizer.Segment>.stride == 32)
        #expect(Tokenizer.workspaceBytes + 2 * (Tokenizer.maxTermBytes + 1) <= 1024)
    }

    @Test func randomBytesKeepTheInvariants() {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<2_000 {
            var text: [UInt8] = []
            for _ in 0..<Int.random(in: 0..<40, using: &generator) {
                text += Self.fragments.randomElement(using: &generator) ?? []
            }
            var lastPosition: UInt32 = 0
            var first = true
            var seen: Set<[UInt8]> = []
            text.withUnsafeBufferPointer { buffer in
                Analyzer().analyze(buffer) { token in
                    if token.position != lastPosition { seen.removeAll() }
                    #expect(seen.insert(Array(token.term)).inserted, "a term repeats at position \(token.position)")
                    #expect(!token.term.isEmpty && token.term.count <= Tokenizer.maxTermBytes + 1)
                    #expect(token.sourceRange.lowerBound >= 0 && token.sourceRange.upperBound <= buffer.count)
                    #expect(!token.sourceRange.isEmpty)
                    #expect(first || token.position >= lastPosition)
                    first = false
                    lastPosition = token.position
                }
            }
        }
    }

    @Test func plainASCIIMatchesAReferenceSplitter() {
        var generator = SeededGenerator(seed: 7)
        let alphabet = Array("abcXYZ019 ,;!?()\n\t".utf8)
        for _ in 0..<1_000 {
            let text = (0..<Int.random(in: 0..<80, using: &generator)).map { _ in
                alphabet.randomElement(using: &generator) ?? 0x20
            }
            let string = String(decoding: text, as: UTF8.self)
            let reference = string.lowercased()
                .split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) })
                .map(String.init)
                .filter { $0.utf8.count <= Tokenizer.maxTermBytes }
            #expect(Analyzer(stemming: false).terms(string) == reference)
        }
    }
}

/// Highlighting relies on `sourceRange`: the bytes it names must analyse, alone, to the token.
struct SourceRangeRoundTripTests {
    static let samples = [
        "The U.S. signed the ICC-related Rome Statute on 31.12.2000; O’Neil's members’ votes don't count.",
        "Ünïcödé café’s ﬁne — ＦＵＬＬ width, Straße, e\u{301}te\u{301}, infor\u{AD}mation, snake_case, v2.0-beta.",
        "東京都に行く。한국어 텍스트. Москва и Київ. नमस्ते दुनिया. مرحبا ١٢٣. Ὀδυσσεύς.",
    ]

    @Test(arguments: samples)
    func everyTokenAnalysesBackFromItsSourceRange(text: String) {
        let analyzer = Analyzer()
        let bytes = Array(text.utf8)
        analyzer.analyze(text) { token in
            let source = String(decoding: bytes[token.sourceRange], as: UTF8.self)
            let again = analyzer.queryTerms(source)
            let term = String(decoding: token.term, as: UTF8.self)
            let expected = token.isCompoundWhole ? again.first(where: \.isCompoundWhole)?.term : again.first?.term
            #expect(expected == term, "\(source) → \(again.map(\.term)), token \(term)")
        }
    }
}
