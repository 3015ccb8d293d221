import Analysis
import BenchmarkSupport
import Foundation

/// Tokenize + fold, and tokenize + fold + Porter2, throughput over real text (one thread, best of
/// 7, thread CPU time). Run: swift run -c release --package-path Benchmarks analysis-benchmark [DIR|FILE ...]

/// Best of `rounds` runs: seconds, tokens, and a checksum so nothing is optimised away.
nonisolated func measure(_ text: [UInt8], analyzer: Analyzer, rounds: Int) -> (seconds: Double, tokens: Int, checksum: Int) {
    var best = Double.infinity
    var tokens = 0
    var checksum = 0
    for _ in 0..<rounds {
        var count = 0
        var sum = 0
        let start = ThreadClock.seconds()
        text.withUnsafeBufferPointer { buffer in
            analyzer.analyze(buffer) { token in
                count += 1
                sum &+= token.term.count &+ Int(token.term[0])
            }
        }
        let seconds = ThreadClock.seconds() - start
        best = min(best, seconds)
        tokens = count
        checksum = sum
    }
    return (best, tokens, checksum)
}

let arguments = Array(CommandLine.arguments.dropFirst())
let paths = arguments.isEmpty ? ["/work/shared/eval/cranfield/docs"] : arguments
var text = CorpusFiles.strippedText(paths, limit: 64 << 20)
let loaded = text
while text.count < 16 << 20 && !loaded.isEmpty { text += loaded }  // enough bytes for a stable rate
let nonASCII = text.lazy.filter { $0 >= 0x80 }.count
print(String(format: "%@: %.1f MB of text (repeated to %.1f MB), %.1f%% non-ASCII bytes", paths.joined(separator: " "),
             Double(loaded.count) / 1e6, Double(text.count) / 1e6, 100 * Double(nonASCII) / Double(max(text.count, 1))))
for (name, analyzer) in [("tokenize+fold", Analyzer(stemming: false)), ("tokenize+fold+stem", Analyzer())] {
    let result = measure(text, analyzer: analyzer, rounds: 7)
    print(String(format: "  %-20@ %7.1f MB/s  %6.1f Mtokens/s  (%d tokens, checksum %d)", name,
                 Double(text.count) / result.seconds / 1e6, Double(result.tokens) / result.seconds / 1e6,
                 result.tokens, result.checksum))
}
