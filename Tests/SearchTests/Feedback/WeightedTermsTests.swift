import Index
import Search
import TestSupport
import Testing

/// Weighted term search is the plain query's ranking with each term's score scaled: with
/// weight 1 it equals the plain query exactly, and pruned top-k equals exhaustive scoring.
@Suite struct WeightedTermsTests {
    let searcher: Searcher

    init() {
        let words = ["cat", "dog", "bird", "fish", "the", "cat", "dog", "ant"]
        var random = SeededGenerator(seed: 7)
        let generator = (0..<40).map { _ in Int.random(in: 0..<1000, using: &random) }
        let passages = (0..<40).map { (index: Int) -> InMemorySegment.Passage in
            let seed = generator[index]
            let title = [words[seed % words.count]]
            let text = (0..<(3 + index % 7)).map { (offset: Int) -> String in words[(seed * 7 + offset * 3) % words.count] }
            return InMemorySegment.Passage(document: DocumentNumber(rawValue: UInt32(index / 2)), fields: [.title: title, .text: text])
        }
        let documents = (0..<20).map { InMemorySegment.Document(path: "d\($0).html") }
        searcher = Searcher(segments: [InMemorySegment(documents: documents, passages: passages)])
    }

    @Test func unitWeightsRankLikeThePlainQuery() throws {
        let plain = try searcher.search("cat bird ant", options: SearchOptions(limit: 50))
        let weighted = searcher.search(
            weightedTerms: ["cat", "bird", "ant"].map { WeightedTerm(term: $0, weight: 1) }, options: SearchOptions(limit: 50))
        #expect(weighted.hits == plain.hits)
    }

    @Test func weightsScaleEachTermsScore() throws {
        let single = try searcher.search("dog", options: SearchOptions(limit: 50))
        let doubled = searcher.search(weightedTerms: [WeightedTerm(term: "dog", weight: 2)], options: SearchOptions(limit: 50))
        #expect(doubled.hits.map(\.passage) == single.hits.map(\.passage))
        for (a, b) in zip(doubled.hits, single.hits) { #expect(abs(a.score - 2 * b.score) < 1e-9) }
    }

    @Test(arguments: [1, 3, 10])
    func prunedEqualsExhaustive(limit: Int) {
        let terms = [WeightedTerm(term: "cat", weight: 0.6), WeightedTerm(term: "fish", weight: 0.3),
                     WeightedTerm(term: "ant", weight: 0.1), WeightedTerm(term: "absent", weight: 0.5)]
        let pruned = searcher.search(weightedTerms: terms, options: SearchOptions(limit: limit, perDocument: 1))
        let exhaustive = searcher.search(
            weightedTerms: terms, options: SearchOptions(limit: limit, perDocument: 1, strategy: .exhaustive))
        #expect(pruned.hits == exhaustive.hits)
        #expect(!pruned.hits.isEmpty)
    }

    @Test func noKnownTermMatchesNothing() {
        #expect(searcher.search(weightedTerms: [WeightedTerm(term: "absent", weight: 1)]).hits.isEmpty)
    }
}
