import Foundation
import Index
import TestSupport

/// Seeded random documents with a skewed vocabulary, so some terms span many postings
/// blocks and most appear once or twice.
enum RandomCorpus {
    static func vocabulary(_ count: Int, using random: inout SeededGenerator) -> [String] {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        var words = Set<String>()
        while words.count < count {
            words.insert(String((0..<Int.random(in: 2...9, using: &random)).map { _ in letters.randomElement(using: &random)! }))
        }
        return words.sorted()
    }

    /// A word drawn with probability roughly proportional to 1 / rank.
    static func word(_ vocabulary: [String], using random: inout SeededGenerator) -> String {
        let u = Double.random(in: 0..<1, using: &random)
        let rank = Int(pow(Double(vocabulary.count), u)) - 1
        return vocabulary[min(max(rank, 0), vocabulary.count - 1)]
    }

    static func sentence(_ vocabulary: [String], words: ClosedRange<Int>, using random: inout SeededGenerator) -> String {
        (0..<Int.random(in: words, using: &random)).map { _ in word(vocabulary, using: &random) }.joined(separator: " ")
    }

    static func documents(
        count: Int, passages: ClosedRange<Int> = 0...6, vocabularySize: Int = 400, seed: UInt64,
        prefix: String = "doc"
    ) -> [(Document, SourceStamp)] {
        var random = SeededGenerator(seed: seed)
        let vocabulary = vocabulary(vocabularySize, using: &random)
        return (0..<count).map { d in
            let path = "\(prefix)\(d).html"
            let title = sentence(vocabulary, words: 0...5, using: &random)
            var section: [String] = []
            let passageList = (0..<Int.random(in: passages, using: &random)).map { p in
                // Consecutive passages often share a section, as in real pages.
                if p == 0 || Bool.random(using: &random) {
                    section = (0..<Int.random(in: 0...2, using: &random)).map { _ in sentence(vocabulary, words: 1...3, using: &random) }
                }
                return Passage(
                    id: PassageID(rawValue: random.next()), ordinal: p,
                    section: section,
                    text: sentence(vocabulary, words: 0...60, using: &random), line: Int.random(in: 1...500, using: &random),
                    anchor: Bool.random(using: &random) ? "a\(p)" : nil)
            }
            let document = Document(
                path: path, title: title, url: Bool.random(using: &random) ? "https://example.org/\(d)" : nil,
                language: "en", description: nil, date: nil, passages: passageList)
            let stamp = SourceStamp(
                absolutePath: "/corpus/\(path)", size: Int.random(in: 1...100_000, using: &random),
                modified: Int64.random(in: 0...Int64(1e18), using: &random), contentHash: random.next())
            return (document, stamp)
        }
    }
}
