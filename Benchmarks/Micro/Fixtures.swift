import Analysis
import BenchmarkSupport
import Index
import Ingest
import Search
import TestSupport

/// The inputs of the micro benchmarks, built on first use (lazy statics) and outside the
/// measured closures, so filtering with `--filter` builds only what the chosen ones need.
enum Fixtures {
    /// One million bytes of small-tier HTML with tags stripped (throughput per iteration = MB/s).
    static let text: [UInt8] = {
        let loaded = CorpusFiles.strippedText(CorpusFiles.folders(), limit: 1_000_000)
        var text = loaded
        while text.count < 1_000_000 && !loaded.isEmpty { text += loaded }
        return Array(text.prefix(1_000_000))
    }()

    /// The all-letter words of `text` as found (folded, unstemmed), as a flat byte array with
    /// ranges: the stemmer's input without the tokenizer or the stem memo in front of it.
    static let words: (bytes: [UInt8], ranges: [Range<Int>]) = {
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        text.withUnsafeBufferPointer { buffer in
            Analyzer(stemming: false).analyze(buffer) { token in
                guard !token.isCompoundWhole, token.folded.allSatisfy({ $0 &- UInt8(ascii: "a") < 26 }) else { return }
                ranges.append(bytes.count..<(bytes.count + token.folded.count))
                bytes.append(contentsOf: token.folded)
            }
        }
        return (bytes, ranges)
    }()

    /// A synthetic Zipfian corpus of 50,000 passages.
    static let corpus = SyntheticCorpus(passageCount: 50_000)

    /// `corpus` written as one committed segment in memory.
    static let reader: IndexReader = {
        do {
            return try corpus.indexReader()
        } catch {
            preconditionFailure("writing the synthetic corpus failed: \(error)")
        }
    }()

    /// 5,000 synthetic passages as index documents, for the segment write.
    static let smallDocuments = SyntheticCorpus(passageCount: 5_000, seed: 5).documents()

    /// A larger synthetic corpus (200,000 passages) as the searcher's in-memory segment.
    static let segment = SyntheticCorpus(passageCount: 200_000).inMemorySegment()

    /// 100 seeded queries of `length` words from the in-memory segment's query band.
    static func queryBatch(length: Int) -> [String] {
        SyntheticCorpus(passageCount: 0).queries(length: length, count: 100, seed: UInt64(length))
    }

    /// The first 300 HTML pages of the small tier, preloaded.
    static let pages = CorpusFiles.htmlPages(in: CorpusFiles.folders(), limit: 300)

    /// Real passages (at least 300 bytes of text) ingested from `pages`, each with a two-word
    /// query drawn from its own text so every snippet has matches to choose from.
    static let hits: [(text: String, query: String)] = {
        let ingester = Ingester()
        var generator = SeededGenerator(seed: 7)
        var result: [(text: String, query: String)] = []
        for page in pages where result.count < 1_000 {
            guard let document = try? ingester.ingest(contents: page.bytes, path: page.path) else { continue }
            for passage in document.passages where passage.text.utf8.count >= 300 && result.count < 1_000 {
                let words = passage.text.split(separator: " ").filter { $0.count >= 4 && $0.allSatisfy(\.isLetter) }
                guard words.count >= 2 else { continue }
                let query = (0..<2).map { _ in String(words[Int.random(in: 0..<words.count, using: &generator)]) }
                result.append((passage.text, query.joined(separator: " ")))
            }
        }
        return result
    }()
}
