import Analysis
import Benchmark
import Snippets

/// Snippet choice and highlighting for 1,000 real passages (≥ 300 bytes) of the small tier.
func registerSnippets() {
    Benchmark("Snippets: snippet per hit, 1,000 real passages", configuration: Rate("snippets").configuration) { benchmark in
        let analyzer = Analyzer()
        let builder = SnippetBuilder(analyzer: analyzer)
        let queries = Fixtures.hits.map { HighlightMatcher(HighlightQuery(words: $0.query, analyzer: analyzer)) }
        benchmark.startMeasurement()
        Rate("snippets").measure(benchmark) {
            var characters = 0
            for (hit, query) in zip(Fixtures.hits, queries) {
                characters += builder.snippet(of: hit.text, for: query).text.utf8.count
            }
            blackHole(characters)
            return queries.count
        }
        benchmark.stopMeasurement()
    } setup: {
        _ = Fixtures.hits
    }
}
