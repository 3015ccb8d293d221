// Pruned versus exhaustive top-k on a synthetic Zipfian corpus, in queries per second by
// query length. Run: swift run -c release --package-path Benchmarks search-benchmark
//   [passages] [queries-per-class] [class]
// On a built index with a query file instead (see `IndexBenchmark.swift`):
//   swift run -c release --package-path Benchmarks search-benchmark --index DIR QUERIES.tsv [k1 (2.0)]
import BenchmarkSupport
import Foundation
import Index
import Search

let arguments = CommandLine.arguments
if arguments.count > 3, arguments[1] == "--index" {
    try runIndexBenchmark(
        index: arguments[2], queries: arguments[3], k1: arguments.count > 4 ? Double(arguments[4]) ?? 2.0 : 2.0)
    exit(0)
}
let passageTarget = arguments.count > 1 ? Int(arguments[1]) ?? 200_000 : 200_000
let queriesPerClass = arguments.count > 2 ? Int(arguments[2]) ?? 200 : 200

var start = ThreadClock.seconds()
let corpus = SyntheticCorpus(passageCount: passageTarget)
let segment = corpus.inMemorySegment()
print("corpus: \(segment.passageCount) passages, \(corpus.documentCount) documents, built in \(String(format: "%.1f", ThreadClock.seconds() - start)) s")

var classes: [(name: String, queries: [String])] = []
for length in [1, 2, 3, 5] {
    classes.append(("\(length) word\(length == 1 ? "" : "s")", corpus.queries(length: length, count: queriesPerClass, seed: UInt64(length))))
}
classes.append(("2 words --all", classes[1].queries.map { $0.split(separator: " ").map { "+" + $0 }.joined(separator: " ") }))
classes.append(("phrase", corpus.phrases(count: queriesPerClass, seed: 99)))

let searcher = Searcher(segments: [segment])

/// Seconds per query of each query, for the best of `rounds` passes (the machine is shared).
@MainActor
func measure(_ queries: [String], _ strategy: SearchOptions.Strategy, rounds: Int = 3) throws -> [Double] {
    let options = SearchOptions(limit: 10, strategy: strategy)
    var best: [Double] = []
    for _ in 0..<rounds {
        var each: [Double] = []
        for query in queries {
            let began = ThreadClock.seconds()
            _ = try searcher.search(query, options: options)
            each.append(ThreadClock.seconds() - began)
        }
        if best.isEmpty || each.reduce(0, +) < best.reduce(0, +) { best = each }
    }
    return best.sorted()
}

func milliseconds(_ seconds: Double) -> String { String(format: "%7.3f", seconds * 1000) }

print("class            pruned q/s  exhaustive q/s  speed-up   pruned p50/p95/p99 ms    exhaustive p50/p99 ms   scored/q pruned  exhaustive")
let only = arguments.count > 3 ? arguments[3] : nil
for (name, queries) in classes where only.map({ name == $0 }) ?? true {
    // Passages scored per query: the machine-independent measure of pruning.
    var scored = (pruned: 0, exhaustive: 0)
    for query in queries {
        let pruned = try searcher.search(query, options: SearchOptions(limit: 10))
        let exhaustive = try searcher.search(query, options: SearchOptions(limit: 10, strategy: .exhaustive))
        if pruned.hits != exhaustive.hits { print("MISMATCH: \(query)") }
        scored.pruned += pruned.passagesScored
        scored.exhaustive += exhaustive.passagesScored
    }
    let exhaustive = try measure(queries, .exhaustive)
    let pruned = try measure(queries, .pruned)
    let qpsPruned = Double(queries.count) / pruned.reduce(0, +)
    let qpsExhaustive = Double(queries.count) / exhaustive.reduce(0, +)
    func at(_ list: [Double], _ percent: Int) -> Double { list[min(list.count - 1, list.count * percent / 100)] }
    print(
        name.padding(toLength: 16, withPad: " ", startingAt: 0)
            + String(format: "%11.0f  %14.0f  %7.1fx", qpsPruned, qpsExhaustive, qpsPruned / qpsExhaustive)
            + "  \(milliseconds(at(pruned, 50)))/\(milliseconds(at(pruned, 95)))/\(milliseconds(at(pruned, 99)))"
            + "  \(milliseconds(at(exhaustive, 50)))/\(milliseconds(at(exhaustive, 99)))"
            + String(
                format: "  %15.0f  %10.0f", Double(scored.pruned) / Double(queries.count),
                Double(scored.exhaustive) / Double(queries.count)))
}
