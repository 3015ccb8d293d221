// Pruned versus exhaustive top-k on a synthetic Zipfian corpus, in queries per second by
// query length. Run: swift run -c release SearchBenchmark [passages] [queries-per-class] [class]
// On a built index with a query file instead (see `IndexBenchmark.swift`):
//      swift run -c release SearchBenchmark --index DIR QUERIES.tsv [k1 (2.0)]
import Foundation
import Index
import Search
import TestSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CPU time of this thread: the machine is shared, so wall time would count other work.
func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Samples word ranks with probability ∝ 1 / rank (Zipf, s = 1).
struct Zipf {
    let cumulative: [Double]

    init(size: Int) {
        var sum = 0.0
        cumulative = (1...size).map { rank in
            sum += 1 / Double(rank)
            return sum
        }
    }

    func sample(using generator: inout SeededGenerator) -> Int {
        let target = Double.random(in: 0..<(cumulative.last ?? 1), using: &generator)
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] < target { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

func word(_ rank: Int) -> String {
    var value = rank
    var letters = ""
    repeat {
        letters.append(Character(Unicode.Scalar(UInt8(97 + value % 26))))
        value /= 26
    } while value > 0
    return "w" + letters
}

let arguments = CommandLine.arguments
if arguments.count > 3, arguments[1] == "--index" {
    try runIndexBenchmark(
        index: arguments[2], queries: arguments[3], k1: arguments.count > 4 ? Double(arguments[4]) ?? 2.0 : 2.0)
    exit(0)
}
let passageTarget = arguments.count > 1 ? Int(arguments[1]) ?? 200_000 : 200_000
let queriesPerClass = arguments.count > 2 ? Int(arguments[2]) ?? 200 : 200
var generator = SeededGenerator(seed: 42)
let vocabulary = (0..<50_000).map(word)
let zipf = Zipf(size: vocabulary.count)

var start = now()
var documents: [InMemorySegment.Document] = []
var passages: [InMemorySegment.Passage] = []
var texts: [[String]] = []
while passages.count < passageTarget {
    let document = DocumentNumber(rawValue: UInt32(documents.count))
    documents.append(InMemorySegment.Document(path: "doc\(documents.count).html", language: "en"))
    let title = (0..<Int.random(in: 2...8, using: &generator)).map { _ in vocabulary[zipf.sample(using: &generator)] }
    for _ in 0..<Int.random(in: 1...12, using: &generator) {
        let section = (0..<Int.random(in: 0...4, using: &generator)).map { _ in vocabulary[zipf.sample(using: &generator)] }
        let text = (0..<Int.random(in: 10...90, using: &generator)).map { _ in vocabulary[zipf.sample(using: &generator)] }
        texts.append(text)
        passages.append(InMemorySegment.Passage(document: document, fields: [.title: title, .section: section, .text: text]))
    }
}
let segment = InMemorySegment(documents: documents, passages: passages)
passages = []
print("corpus: \(segment.passageCount) passages, \(documents.count) documents, built in \(String(format: "%.1f", now() - start)) s")

/// Query words from the frequent-but-not-stopword band, like what people type.
func queryWord(using generator: inout SeededGenerator) -> String {
    vocabulary[min(vocabulary.count - 1, 20 + zipf.sample(using: &generator) % 5000)]
}

var classes: [(name: String, queries: [String])] = []
for length in [1, 2, 3, 5] {
    classes.append(("\(length) word\(length == 1 ? "" : "s")", (0..<queriesPerClass).map { _ in
        (0..<length).map { _ in queryWord(using: &generator) }.joined(separator: " ")
    }))
}
classes.append(("2 words --all", classes[1].queries.map { $0.split(separator: " ").map { "+" + $0 }.joined(separator: " ") }))
classes.append(("phrase", (0..<queriesPerClass).map { _ in
    let text = texts[Int.random(in: 0..<texts.count, using: &generator)]
    let at = Int.random(in: 0..<(text.count - 2), using: &generator)
    return "\"" + text[at..<(at + 2)].joined(separator: " ") + "\""
}))

let searcher = Searcher(segments: [segment])

/// Seconds per query of each query, for the best of `rounds` passes (the machine is shared).
@MainActor
func measure(_ queries: [String], _ strategy: SearchOptions.Strategy, rounds: Int = 3) throws -> [Double] {
    let options = SearchOptions(limit: 10, strategy: strategy)
    var best: [Double] = []
    for _ in 0..<rounds {
        var each: [Double] = []
        for query in queries {
            let began = now()
            _ = try searcher.search(query, options: options)
            each.append(now() - began)
        }
        if best.isEmpty || each.reduce(0, +) < best.reduce(0, +) { best = each }
    }
    return best.sorted()
}

func milliseconds(_ seconds: Double) -> String { String(format: "%7.3f", seconds * 1000) }

print("class            pruned q/s  exhaustive q/s  speed-up   pruned p50/p95/p99 ms    exhaustive p50/p99 ms   scored/q pruned  exhaustive")
let only = arguments.count > 3 ? arguments[3] : nil
for (name, queries) in classes where only.map({ name == $0 }) ?? true {
    // Passages fully scored per query: the machine-independent measure of pruning.
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
