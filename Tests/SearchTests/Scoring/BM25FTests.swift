import Foundation
import Index
import Search
import Testing

/// One field, weight 1: the score must be Lucene's BM25 to the last digit we can compute
/// by hand: idf · tf / (tf + k1 · (1 − b + b · len / avglen)).
@Test func singleFieldScoreIsLucenesBM25() throws {
    let segment = InMemorySegment(
        documents: [InMemorySegment.Document(path: "a.html")],
        passages: [
            InMemorySegment.Passage(document: DocumentNumber(rawValue: 0), fields: [.text: ["cat", "sat", "cat"]]),
            InMemorySegment.Passage(document: DocumentNumber(rawValue: 0), fields: [.text: ["dog"]]),
            InMemorySegment.Passage(document: DocumentNumber(rawValue: 0), fields: [.text: ["dog", "and", "cat", "x", "y"]]),
        ])
    let searcher = Searcher(segments: [segment])
    let hits = try searcher.search("text:cat").hits
    let averageLength = 9.0 / 3
    let idf = log(1 + (3 - 2 + 0.5) / (2 + 0.5))
    func bm25(tf: Double, length: Double) -> Double {
        idf * tf / (tf + 1.2 * (1 - 0.75 + 0.75 * length / averageLength))
    }
    #expect(hits.map(\.passage.rawValue) == [0, 2])
    #expect(abs(hits[0].score - bm25(tf: 2, length: 3)) < 1e-12)
    #expect(abs(hits[1].score - bm25(tf: 1, length: 5)) < 1e-12)
}

/// Across fields, weighted normalised frequencies add up before saturation (BM25F), and n
/// is the largest per-field document frequency.
@Test func fieldsCombineBeforeSaturation() throws {
    let segment = InMemorySegment(
        documents: [InMemorySegment.Document(path: "a.html")],
        passages: [
            InMemorySegment.Passage(
                document: DocumentNumber(rawValue: 0), fields: [.title: ["cat"], .text: ["cat", "dog"]]),
            InMemorySegment.Passage(document: DocumentNumber(rawValue: 0), fields: [.title: ["bird"], .text: ["dog", "dog"]]),
        ])
    let weights = FieldWeights(title: 3, section: 1, text: 1)
    let searcher = Searcher(segments: [segment], parameters: BM25Parameters(k1: 1.2, b: 0.5), fieldWeights: weights)
    let hit = try #require(try searcher.search("cat").hits.first)
    let idf = log(1 + (2 - 1 + 0.5) / (1 + 0.5))
    let titleNorm = 1 - 0.5 + 0.5 * 1 / 1.0
    let textNorm = 1 - 0.5 + 0.5 * 2 / 2.0
    let frequency = 3 * 1 / titleNorm + 1 * 1 / textNorm
    #expect(abs(hit.score - idf * frequency / (1.2 + frequency)) < 1e-12)
}

@Test func defaultFieldWeightsFavourTitles() {
    let weights = FieldWeights()
    #expect(weights[.title] > weights[.section] && weights[.section] > weights[.text])
}
