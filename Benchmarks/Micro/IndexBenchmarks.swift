import Benchmark
import Index

/// Postings decoding and term dictionary lookups on a committed segment (50,000 synthetic
/// passages), and the segment write that encodes them.
func registerIndex() {
    Benchmark("Index: postings decode, 300 most frequent terms", configuration: Rate("postings").configuration) { benchmark in
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
    Benchmark("Index: postings decode with positions, 300 most frequent terms", configuration: Rate("positions").configuration) { benchmark in
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
    Benchmark("Index: term dictionary lookups, 10,000 (half absent)", configuration: Rate("lookups").configuration) { benchmark in
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
    Benchmark("Index: segment write at commit, 5,000 synthetic passages", configuration: Rate("passages").configuration) { benchmark in
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
