import Analysis
import Benchmark
import BenchmarkSupport
import Index
import Ingest
import Search
import Snippets

/// citex's micro benchmarks: `swift package --package-path Benchmarks benchmark [--filter REGEX]`.
///
/// Every benchmark reports wall and CPU time, iterations/s, heap allocations and peak memory, and a
/// rate per thread-CPU-second in its own unit (`Rate`). Inputs come from `Fixtures`, built before
/// the first iteration. Where two benchmarks form a pair (pruned vs exhaustive top-k, citex ingest
/// vs libxml2's bare parse), compare their rates from the same run.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 1, maxDuration: .seconds(3), maxIterations: 50)
    registerAnalysis()
    registerIndex()
    registerSearch()
    registerSnippets()
    registerIngest()
}

/// Tokenizer and stemmer throughput over one megabyte of real text.
func registerAnalysis() {
    for (name, analyzer) in [("tokenize+fold", Analyzer(stemming: false)), ("tokenize+fold+stem", Analyzer())] {
        Benchmark("Analysis: \(name), 1 MB of text") { benchmark in
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
    Benchmark("Analysis: Porter2 alone, words of 1 MB of text") { benchmark in
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

/// Postings decoding and term dictionary lookups on a committed segment (50,000 synthetic
/// passages), and the segment write that encodes them.
func registerIndex() {
    Benchmark("Index: postings decode, 300 most frequent terms") { benchmark in
        Rate("postings").measure(benchmark) {
            var decoded = 0
            var checksum: UInt32 = 0
            for rank in 0..<300 {
                guard var cursor = try? Fixtures.reader.segments[0].postings(.text, term: Fixtures.corpus.vocabulary[rank])
                else { continue }
                while cursor.passage != .end {
                    checksum &+= cursor.frequency
                    decoded += 1
                    cursor.next()
                }
            }
            blackHole(checksum)
            return decoded
        }
    } setup: {
        _ = Fixtures.reader
    }
    Benchmark("Index: postings decode with positions, 300 most frequent terms") { benchmark in
        Rate("positions").measure(benchmark) {
            var decoded = 0
            var positions: [UInt32] = []
            for rank in 0..<300 {
                guard var cursor = try? Fixtures.reader.segments[0].postings(.text, term: Fixtures.corpus.vocabulary[rank])
                else { continue }
                while cursor.passage != .end {
                    cursor.positions(into: &positions)
                    decoded += positions.count
                    cursor.next()
                }
            }
            return decoded
        }
    } setup: {
        _ = Fixtures.reader
    }
    Benchmark("Index: term dictionary lookups, 10,000 (half absent)") { benchmark in
        let segment = Fixtures.reader.segments[0]
        let vocabulary = Fixtures.corpus.vocabulary
        Rate("lookups").measure(benchmark) {
            var found = 0
            for index in 0..<10_000 {
                // Even lookups ask for a vocabulary word, odd ones for it with a digit appended,
                // which no synthetic word has.
                var term = vocabulary[(index / 2 * 5) % vocabulary.count] + (index % 2 == 0 ? "" : "0")
                let info = term.withUTF8 { try? segment.termInfo(.text, term: UnsafeRawBufferPointer($0)) }
                if info != nil { found += 1 }
            }
            blackHole(found)
            return 10_000
        }
    } setup: {
        _ = Fixtures.reader
    }
    Benchmark("Index: segment write at commit, 5,000 synthetic passages") { benchmark in
        let documents = Fixtures.smallDocuments
        let storage = MemoryStorage()
        guard let writer = try? IndexWriter(storage: storage, options: IndexWriter.Options(settings: IndexSettings(stemming: false)))
        else { return }
        for (number, document) in documents.enumerated() {
            try? writer.add(document, source: SourceStamp(absolutePath: "/s/\(number)", size: 0, modified: 0, contentHash: 0))
        }
        benchmark.startMeasurement()
        Rate("passages").measure(benchmark) {
            _ = try? writer.commit()
            return documents.reduce(0) { $0 + $1.passages.count }
        }
        benchmark.stopMeasurement()
        writer.close()
    } setup: {
        _ = Fixtures.smallDocuments
    }
}
