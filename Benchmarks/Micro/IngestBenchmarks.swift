import Benchmark
import Ingest

/// HTML ingest (SAX parse, extraction, passages) against libxml2's bare tree parse of the same
/// 300 preloaded small-tier pages: the ratio of their rates is the figure to quote.
func registerIngest() {
    let ingester = Ingester()
    let paths: [(String, ([UInt8], String) -> Bool)] = [
        ("citex parse+extract", { bytes, path in (try? ingester.ingest(contents: bytes, path: path)) != nil }),
        ("libxml2 tree parse alone (TreeParseBaseline)", { bytes, _ in TreeParseBaseline.parse(bytes) }),
    ]
    for (name, parse) in paths {
        Benchmark("Ingest: \(name), 300 small-tier pages", configuration: Rate("bytes").configuration) { benchmark in
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
