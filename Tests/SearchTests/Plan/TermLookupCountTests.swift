import Index
import Search
import Testing

/// A search looks each (term, field) up once per segment: planning keeps the entries it
/// found and scoring opens its cursors from them. The answers are those of the same
/// segments searched directly.
@Suite struct TermLookupCountTests {
    @Test(arguments: [31 as UInt64, 32, 33])
    func aSearchLooksEachTermUpOncePerSegmentAndField(seed: UInt64) throws {
        var corpus = RandomCorpus(seed: seed, vocabularySize: 12)
        let plain = [
            corpus.segment(documents: 30, blockSize: 4, deletions: true),
            corpus.segment(documents: 12, blockSize: 2, deletions: false),
        ]
        let counting = plain.map(CountingSource.init)
        let searcher = Searcher(segments: counting)
        let reference = Searcher(segments: plain)
        var queries = (0..<40).map { _ in corpus.query() }
        let word = corpus.word(), other = corpus.word()
        queries.append("\(word) \"\(word) \(other)\" +\(word) title:\(other) \(other)")
        var looked = 0
        for (round, query) in queries.enumerated() {
            var options = SearchOptions(limit: [1, 5, 20][round % 3])
            for strategy in [SearchOptions.Strategy.pruned, .exhaustive] {
                options.strategy = strategy
                for source in counting { source.reset() }
                let result = try? searcher.search(query, options: options)
                #expect(result?.hits == (try? reference.search(query, options: options))?.hits, "\(query)")
                for source in counting {
                    #expect(source.lookups.values.allSatisfy { $0 == 1 }, "\(query): \(source.lookups)")
                    looked += source.lookups.count
                }
            }
        }
        for source in counting { source.reset() }
        let weighted = [word, other, word].map { WeightedTerm(term: $0, weight: 1) }
        _ = searcher.search(weightedTerms: weighted)
        for source in counting { #expect(source.lookups.values.allSatisfy { $0 == 1 }, "\(source.lookups)") }
        #expect(looked > 100)
    }

    /// Expanding a prefix lists its terms with their entries, and a field whose list is
    /// complete needs no look-up for the terms it lacks.
    @Test func aPrefixQueryLooksNothingUpBeyondItsScan() throws {
        var corpus = RandomCorpus(seed: 40, vocabularySize: 12)
        let counting = CountingSource(corpus.segment(documents: 20, blockSize: 4, deletions: false))
        let searcher = Searcher(segments: [counting])
        for options in [SearchOptions(), SearchOptions(strategy: .exhaustive)] {
            counting.reset()
            #expect(try !searcher.search("q*", options: options).hits.isEmpty)
            #expect(counting.lookups.isEmpty, "\(counting.lookups)")
        }
    }
}
