import Index
import Search
import Testing
import TestSupport

/// An on-disk index (in memory storage) with several segments and deleted documents.
func randomIndex(
    seed: UInt64, documents: Int = 80, vocabularySize: Int = 30, memoryBudget: Int = 6_000
) throws -> (IndexReader, RandomCorpus) {
    var corpus = RandomCorpus(seed: seed, vocabularySize: vocabularySize)
    let storage = MemoryStorage()
    let writer = try IndexWriter(storage: storage, options: IndexWriter.Options(memoryBudget: memoryBudget))
    var paths: [String] = []
    for number in 0..<documents {
        let path = ["docs/api", "docs/guide", "notes"][number % 3] + "/page\(number).html"
        var passages: [Passage] = []
        for ordinal in 0..<Int.random(in: 1...5, using: &corpus.generator) {
            passages.append(
                Passage(
                    id: PassageID(rawValue: UInt64(number * 100 + ordinal)), ordinal: ordinal,
                    section: [corpus.words(1...3).joined(separator: " ")],
                    text: corpus.words(3...25).joined(separator: " "), line: ordinal + 1, anchor: nil))
        }
        let document = Document(
            path: path, title: corpus.words(1...4).joined(separator: " "), language: number % 4 == 0 ? "fr" : "en",
            passages: passages)
        try writer.add(document, source: SourceStamp(absolutePath: "/" + path, size: 1, modified: 0, contentHash: 0))
        paths.append("/" + path)
        if number % 25 == 24, documents <= 100 { try writer.commit() }
    }
    for path in paths where path.hasSuffix("3.html") {
        writer.remove(absolutePath: path)
    }
    try writer.commit()
    writer.close()
    return (try IndexReader.open(storage), corpus)
}

/// On the real segment format (several segments, deletions), pruned top-k must equal
/// exhaustive scoring exactly, for every construct of the language.
@Test(arguments: [UInt64(21), 22, 23])
func prunedEqualsExhaustiveOnTheIndex(seed: UInt64) throws {
    var (index, corpus) = try randomIndex(seed: seed)
    #expect(index.segments.count > 1)
    #expect(index.segments.contains { $0.hasDeletions })
    let searcher = Searcher(segments: index.segments, analyzer: index.settings.analyzer)
    var matched = 0
    for round in 0..<120 {
        let query = corpus.query()
        var options = SearchOptions(limit: [1, 5, 20][round % 3], perDocument: round % 2 == 0 ? 1 : nil)
        options.query.defaultOperator = round % 5 == 0 ? .all : .any
        guard let pruned = try? searcher.search(query, options: options) else { continue }
        options.strategy = .exhaustive
        let exhaustive = try searcher.search(query, options: options)
        #expect(pruned.hits == exhaustive.hits, "\(query)")
        if !pruned.hits.isEmpty { matched += 1 }
    }
    #expect(matched > 40)
}

/// Segments of thousands of passages, so lists have full blocks and block-max skipping,
/// the per-candidate block bounds and MaxScore's partitions all come into play on the
/// on-disk cursor (the specialised path of plain-word queries).
@Test(arguments: [UInt64(31), 32])
func prunedEqualsExhaustiveOnLargeSegments(seed: UInt64) throws {
    var (index, corpus) = try randomIndex(seed: seed, documents: 1_500, vocabularySize: 60, memoryBudget: 1 << 30)
    let searcher = Searcher(segments: index.segments, analyzer: index.settings.analyzer)
    #expect(index.segments.contains { $0.passageCount > 2_000 })
    for round in 0..<60 {
        let query = corpus.words(1...5).joined(separator: " ")
        var options = SearchOptions(limit: [1, 10, 30][round % 3], perDocument: round % 2 == 0 ? 2 : nil)
        let pruned = try searcher.search(query, options: options)
        options.strategy = .exhaustive
        let exhaustive = try searcher.search(query, options: options)
        #expect(pruned.hits == exhaustive.hits, "\(query)")
        #expect(!pruned.hits.isEmpty)
        #expect(pruned.passagesScored <= exhaustive.passagesScored)
    }
}

/// Rare words: their lists are a block or two spread over thousands of passages, so the
/// windows MaxScore scores clause by clause end at the window width, not at a block end.
@Test func prunedEqualsExhaustiveForRareWords() throws {
    var (index, corpus) = try randomIndex(seed: 34, documents: 1_500, vocabularySize: 4_000, memoryBudget: 1 << 30)
    let searcher = Searcher(segments: index.segments, analyzer: index.settings.analyzer)
    #expect(index.segments.contains { $0.passageCount > 4_000 })
    var matched = 0
    for round in 0..<60 {
        let query = (0..<(2 + round % 4)).map { _ in corpus.vocabulary[Int.random(in: 100..<800, using: &corpus.generator)] }
        var options = SearchOptions(limit: [1, 10, 30][round % 3], perDocument: round % 2 == 0 ? 1 : nil)
        let pruned = try searcher.search(query.joined(separator: " "), options: options)
        options.strategy = .exhaustive
        let exhaustive = try searcher.search(query.joined(separator: " "), options: options)
        #expect(pruned.hits == exhaustive.hits, "\(query)")
        if pruned.hits.count > 1 { matched += 1 }
    }
    #expect(matched > 30)
}

/// Phrases on full blocks: alone (the evaluator specialised for the on-disk phrase
/// scorer, with block-bound skipping of proposals) and beside words (the general path).
@Test(arguments: [UInt64(33)])
func prunedEqualsExhaustiveForPhrasesOnLargeSegments(seed: UInt64) throws {
    var (index, corpus) = try randomIndex(seed: seed, documents: 1_500, vocabularySize: 40, memoryBudget: 1 << 30)
    let searcher = Searcher(segments: index.segments, analyzer: index.settings.analyzer)
    var matched = 0
    for round in 0..<60 {
        let phrase = "\"" + corpus.words(2...3).joined(separator: " ") + "\""
        let query = round % 3 == 0 ? phrase + " " + corpus.words(1...1)[0] : phrase
        var options = SearchOptions(limit: [1, 10, 30][round % 3], perDocument: round % 2 == 0 ? 2 : nil)
        let pruned = try searcher.search(query, options: options)
        options.strategy = .exhaustive
        let exhaustive = try searcher.search(query, options: options)
        #expect(pruned.hits == exhaustive.hits, "\(query)")
        if !pruned.hits.isEmpty { matched += 1 }
    }
    #expect(matched > 30)
}

@Test func deletedDocumentsNeverAppear() throws {
    let (index, _) = try randomIndex(seed: 24)
    let searcher = Searcher(segments: index.segments, analyzer: index.settings.analyzer)
    let options = SearchOptions(limit: 10_000, strategy: .exhaustive)
    for word in ["qka", "qlo", "qmi", "qru"] {
        for hit in try searcher.search(word, options: options).hits {
            let segment = index.segments[hit.segment]
            #expect(!segment.isDeleted(hit.passage))
            #expect(!segment.path(of: hit.document).hasSuffix("3.html"))
        }
    }
}

@Test func filtersReadTheStoredDocuments() throws {
    let (index, _) = try randomIndex(seed: 25)
    let searcher = Searcher(segments: index.segments, analyzer: index.settings.analyzer)
    let hits = try searcher.search("qka path:docs/api lang:en", options: SearchOptions(limit: 1000)).hits
    #expect(!hits.isEmpty)
    for hit in hits {
        let segment = index.segments[hit.segment]
        #expect(segment.path(of: hit.document).hasPrefix("docs/api/"))
        #expect(segment.language(of: hit.document) == "en")
    }
}
