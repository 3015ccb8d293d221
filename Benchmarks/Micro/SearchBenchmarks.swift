import Analysis
import Benchmark
import Search

/// Top-k over the 200,000-passage synthetic in-memory segment, pruned (MaxScore with block-max
/// skipping) against exhaustive scoring of every match, on the same queries.
func registerSearch() {
    for length in [1, 2, 5] {
        let queries = Fixtures.queryBatch(length: length)
        for (name, strategy) in [("pruned", SearchOptions.Strategy.pruned), ("exhaustive", .exhaustive)] {
            Benchmark("Search: top-10 \(name), 100 queries of \(length) word\(length == 1 ? "" : "s")", configuration: Rate("queries").configuration) { benchmark in
                let searcher = Searcher(segments: [Fixtures.segment], analyzer: Analyzer(stemming: false))
                let options = SearchOptions(limit: 10, strategy: strategy)
                Rate("queries").measure(benchmark) {
                    var hits = 0
                    for query in queries {
                        hits += (try? searcher.search(query, options: options).hits.count) ?? 0
                    }
                    blackHole(hits)
                    return queries.count
                }
            } setup: {
                _ = Fixtures.segment
            }
        }
    }
}
