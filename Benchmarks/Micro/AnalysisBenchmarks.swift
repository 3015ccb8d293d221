import Analysis
import Benchmark

/// Tokenizer and stemmer throughput over one megabyte of real text.
func registerAnalysis() {
    for (name, analyzer) in [("tokenize+fold", Analyzer(stemming: false)), ("tokenize+fold+stem", Analyzer())] {
        Benchmark("Analysis: \(name), 1 MB of text", configuration: Rate("bytes").configuration) { benchmark in
            Rate("bytes").measure(benchmark) {
                var checksum = 0
                Fixtures.text.withUnsafeBufferPointer { buffer in
                    analyzer.analyze(buffer) { checksum &+= $0.term.count }
                }
                blackHole(checksum)
                return Fixtures.text.count
            }
        } setup: {
            _ = Fixtures.text
        }
    }
    Benchmark("Analysis: Porter2 alone, words of 1 MB of text", configuration: Rate("words").configuration) { benchmark in
        let words = Fixtures.words
        Rate("words").measure(benchmark) {
            var checksum = 0
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 256) { output in
                words.bytes.withUnsafeBufferPointer { bytes in
                    for range in words.ranges where range.count < 255 {
                        checksum &+= Porter2.stem(UnsafeBufferPointer(rebasing: bytes[range]), into: output.baseAddress!) ?? 0
                    }
                }
            }
            blackHole(checksum)
            return words.ranges.count
        }
    } setup: {
        _ = Fixtures.words
    }
}
