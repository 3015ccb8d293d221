import BenchmarkSupport
import Foundation
import Index
import Search

/// Runs a query file (`qid<TAB>query` lines, the class being the qid up to its last `-`,
/// as `Benchmarks/peers/querygen.py` names them) against a built index, top 10 with no
/// per-document cap, searching only (no passage fetch, no snippets), and prints per class
/// the passages scored per query (pruned and exhaustive) and the pruned latency.
func runIndexBenchmark(index path: String, queries queryFile: String, k1: Double) throws {
    let reader = try IndexReader.open(at: path)
    let searcher = Searcher(
        segments: reader.segments, analyzer: reader.settings.analyzer, parameters: BM25Parameters(k1: k1, b: 0.75))
    let lines = try String(contentsOfFile: queryFile, encoding: .utf8).split(separator: "\n")
    let queries: [(category: String, text: String)] = lines.compactMap { line in
        guard let tab = line.firstIndex(of: "\t") else { return nil }
        let qid = line[..<tab]
        return (String(qid[..<(qid.lastIndex(of: "-") ?? qid.endIndex)]), String(line[line.index(after: tab)...]))
    }
    var categories: [String] = []
    for query in queries where !categories.contains(query.category) { categories.append(query.category) }
    let pruned = SearchOptions(limit: 10)
    let exhaustive = SearchOptions(limit: 10, strategy: .exhaustive)
    var scored: [(pruned: Int, exhaustive: Int)] = []
    for query in queries {
        let fast = try searcher.search(query.text, options: pruned)
        let slow = try searcher.search(query.text, options: exhaustive)
        if fast.hits != slow.hits { print("MISMATCH: \(query.text)") }
        scored.append((fast.passagesScored, slow.passagesScored))
    }
    var best = [Double](repeating: .infinity, count: queries.count)
    for _ in 0..<3 {
        for (index, query) in queries.enumerated() {
            let began = ThreadClock.seconds()
            _ = try searcher.search(query.text, options: pruned)
            best[index] = min(best[index], ThreadClock.seconds() - began)
        }
    }
    print("index: \(reader.totalPassageCount) passages in \(reader.segments.count) segments, k1 \(k1); CPU ms, best of 3")
    print("class      queries  scored/q pruned (p50)  exhaustive   p50 ms   p95 ms   p99 ms     q/s")
    for category in categories {
        let members = queries.indices.filter { queries[$0].category == category }
        let times = members.map { best[$0] }.sorted()
        let prunedCounts = members.map { scored[$0].pruned }.sorted()
        func at(_ percent: Int) -> String {
            String(format: "%8.3f", times[min(times.count - 1, times.count * percent / 100)] * 1000)
        }
        print(
            category.padding(toLength: 10, withPad: " ", startingAt: 0)
                + String(format: " %7d  %9.0f (%5d)", members.count,
                    Double(prunedCounts.reduce(0, +)) / Double(members.count), prunedCounts[prunedCounts.count / 2])
                + String(format: "  %10.0f", Double(members.map { scored[$0].exhaustive }.reduce(0, +)) / Double(members.count))
                + " \(at(50)) \(at(95)) \(at(99))" + String(format: " %7.0f", Double(members.count) / times.reduce(0, +)))
    }
}
