import Benchmark
import Search
import Snippets
import Analysis
import Ingest

/// Top-k over the 200,000-passage synthetic in-memory segment, pruned (MaxScore with block-max
/// skipping) against exhaustive scoring of every match, on the same queries.
func registerSearch() {
    for length in [1, 2, 5] {
        let queries = Fixtures.queryBatch(length: length)
        for (name, strategy) in [("pruned", SearchOptions.Strategy.pruned), ("exhaustive", .exhaustive)] {
            Benchmark("Search: top-10 \(name), 100 queries of \(length) word\(length == 1 ? "" : "s")") { benchmark in
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

/// Snippet choice and highlighting for 1,000 real passages (≥ 300 bytes) of the small tier.
func registerSnippets() {
    Benchmark("Snippets: snippet per hit, 1,000 real passages") { benchmark in
        let analyzer = Analyzer()
        let builder = SnippetBuilder(analyzer: analyzer)
        let queries = Fixtures.hits.map { HighlightQuery(words: $0.query, analyzer: analyzer) }
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

/// HTML ingest (SAX parse, extraction, passages) against libxml2's bare tree parse of the same
/// 300 preloaded small-tier pages: the ratio of their rates is the figure to quote.
func registerIngest() {
    let ingester = Ingester()
    let paths: [(String, ([UInt8], String) -> Bool)] = [
        ("citex parse+extract", { bytes, path in (try? ingester.ingest(contents: bytes, path: path)) != nil }),
        ("libxml2 tree parse alone (TreeParseBaseline)", { bytes, _ in TreeParseBaseline.parse(bytes) }),
    ]
    for (name, parse) in paths {
        Benchmark("Ingest: \(name), 300 small-tier pages") { benchmark in
            Rate("bytes").measure(benchmark) {
                var bytes = 0
                for page in Fixtures.pages where parse(page.bytes, page.path) { bytes += page.bytes.count }
                return bytes
            }
        } setup: {
            _ = Fixtures.pages
        }
    }
}
