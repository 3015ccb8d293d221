@testable import Analysis
import TestSupport
import Testing

/// Random byte soup (valid and invalid UTF-8, joiners, CJK, marks) against the tokenizer's
/// invariants, and random plain ASCII against an obviously-correct reference splitter.
struct TokenizerFuzzTests {
    static let fragments: [[UInt8]] = [
        "word", "Café", "-", ".", "'", "’", "_", " ", "3", ".5", "東京", "ｶ", "\u{301}", "\u{AD}", "U.S.",
        "Straße", "한", "𝐀", "\n", "—", "s",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x82], [0x80], [0xED, 0xA0, 0x80], [0xF0, 0x9F]]

    @Test func randomBytesKeepTheInvariants() {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<2_000 {
            var text: [UInt8] = []
            for _ in 0..<Int.random(in: 0..<40, using: &generator) {
                text += Self.fragments.randomElement(using: &generator) ?? []
            }
            var lastPosition: UInt32 = 0
            var first = true
            text.withUnsafeBufferPointer { buffer in
                Analyzer().analyze(buffer) { token in
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
