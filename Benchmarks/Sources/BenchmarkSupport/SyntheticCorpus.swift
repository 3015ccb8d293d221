import Index
import Search
import TestSupport

/// A seeded Zipfian corpus of passages (title, section path, text as word lists), the one source
/// of synthetic data for every benchmark: the in-memory segment of `search-benchmark` and the
/// micro benchmarks' top-k, and the on-disk segment their codec and dictionary benchmarks read.
public struct SyntheticCorpus: Sendable {
    /// One passage: its document number and its fields' words.
    public struct Record: Sendable {
        public var document: Int
        public var title: [String]
        public var section: [String]
        public var text: [String]
    }

    public let vocabulary: [String]
    public let zipf: Zipf
    public private(set) var passages: [Record] = []
    public private(set) var documentCount = 0

    /// At least `passageCount` passages over a vocabulary of `vocabularySize` words: documents of
    /// 1–12 passages, titles of 2–8 words, sections of 0–4, texts of 10–90.
    public init(passageCount: Int, vocabularySize: Int = 50_000, seed: UInt64 = 42) {
        vocabulary = (0..<vocabularySize).map(Zipf.word)
        zipf = Zipf(size: vocabularySize)
        var generator = SeededGenerator(seed: seed)
        passages.reserveCapacity(passageCount + 12)
        while passages.count < passageCount {
            let title = words(Int.random(in: 2...8, using: &generator), using: &generator)
            for _ in 0..<Int.random(in: 1...12, using: &generator) {
                let section = words(Int.random(in: 0...4, using: &generator), using: &generator)
                let text = words(Int.random(in: 10...90, using: &generator), using: &generator)
                passages.append(Record(document: documentCount, title: title, section: section, text: text))
            }
            documentCount += 1
        }
    }

    private func words(_ count: Int, using generator: inout SeededGenerator) -> [String] {
        (0..<count).map { _ in vocabulary[zipf.sample(using: &generator)] }
    }

    /// A word from the frequent-but-not-stopword band (ranks 20–5,019), like what people type.
    public func queryWord(using generator: inout SeededGenerator) -> String {
        vocabulary[min(vocabulary.count - 1, 20 + zipf.sample(using: &generator) % 5000)]
    }

    /// `count` queries of `length` words each.
    public func queries(length: Int, count: Int, seed: UInt64) -> [String] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            (0..<length).map { _ in queryWord(using: &generator) }.joined(separator: " ")
        }
    }

    /// `count` quoted two-word phrases taken from passage texts, so every one matches.
    public func phrases(count: Int, seed: UInt64) -> [String] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            let text = passages[Int.random(in: 0..<passages.count, using: &generator)].text
            let at = Int.random(in: 0..<(text.count - 1), using: &generator)
            return "\"" + text[at..<(at + 2)].joined(separator: " ") + "\""
        }
    }

    /// The corpus as the searcher's in-memory segment (terms taken as they are, unanalysed).
    public func inMemorySegment() -> InMemorySegment {
        let documents = (0..<documentCount).map { InMemorySegment.Document(path: "doc\($0).html", language: "en") }
        let segmentPassages = passages.map { passage in
            InMemorySegment.Passage(
                document: DocumentNumber(passage.document),
                fields: [.title: passage.title, .section: passage.section, .text: passage.text])
        }
        return InMemorySegment(documents: documents, passages: segmentPassages)
    }

    /// The corpus as index documents (texts joined with spaces), ready for an `IndexWriter`.
    public func documents() -> [Document] {
        var result: [Document] = []
        result.reserveCapacity(documentCount)
        for (ordinal, passage) in passages.enumerated() {
            if result.count <= passage.document {
                result.append(Document(path: "doc\(passage.document).html", title: passage.title.joined(separator: " "), language: "en"))
            }
            let text = passage.text.joined(separator: " ")
            result[passage.document].passages.append(Passage(
                id: PassageID(rawValue: UInt64(ordinal + 1)), ordinal: result[passage.document].passages.count,
                section: passage.section.isEmpty ? [] : [passage.section.joined(separator: " ")], text: text,
                line: 1, anchor: nil))
        }
        return result
    }

    /// The corpus written as one committed segment in memory (no stemming, so a term is its word)
    /// and opened for reading: the on-disk format without the disk.
    public func indexReader() throws -> IndexReader {
        let storage = MemoryStorage()
        let writer = try IndexWriter(storage: storage, options: IndexWriter.Options(settings: IndexSettings(stemming: false)))
        for (number, document) in documents().enumerated() {
            try writer.add(document, source: SourceStamp(
                absolutePath: "/synthetic/" + document.path, size: 0, modified: 0, contentHash: UInt64(number)))
        }
        _ = try writer.commit()
        writer.close()
        return try IndexReader.open(storage)
    }
}
