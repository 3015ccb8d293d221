import Index
import Search
import Testing
import TestSupport

/// Pruned top-k must return exactly what scoring every passage returns: same hits, same
/// scores to the bit, same order, over random corpora and queries using every construct.
@Test(arguments: [(1 as UInt64, 4), (2, 8), (3, 1), (4, 128), (5, 3)])
func prunedEqualsExhaustiveAndBruteForce(seed: UInt64, blockSize: Int) throws {
    var corpus = RandomCorpus(seed: seed)
    let segments = [
        corpus.segment(documents: 60, blockSize: blockSize, deletions: true),
        corpus.segment(documents: 25, blockSize: blockSize, deletions: seed % 2 == 0),
    ]
    let searcher = Searcher(segments: segments)
    let reference = BruteForce(searcher: searcher, segments: segments)
    var compared = 0
    for round in 0..<150 {
        let query = corpus.query()
        var options = SearchOptions(limit: [1, 3, 10, 50][round % 4], perDocument: round % 3 == 0 ? 1 : (round % 3 == 1 ? 2 : nil))
        options.query.defaultOperator = round % 5 == 0 ? .all : .any
        let pruned: SearchResult
        do {
            pruned = try searcher.search(query, options: options)
        } catch {
            #expect(throws: SearchError.self, "\(query)") { try reference.search(query, options: options) }
            continue
        }
        options.strategy = .exhaustive
        let exhaustive = try searcher.search(query, options: options)
        let brute = try reference.search(query, options: options)
        #expect(pruned.hits == exhaustive.hits, "pruned vs exhaustive: \(query)")
        #expect(exhaustive.hits == brute, "exhaustive vs brute force: \(query)")
        if !brute.isEmpty { compared += 1 }
    }
    #expect(compared > 60)
}

/// A lone phrase lets top-k skip position checks by block bounds: still exact.
@Test(arguments: [(11 as UInt64, 2), (12, 4), (13, 16)])
func prunedPhrasesEqualBruteForce(seed: UInt64, blockSize: Int) throws {
    var corpus = RandomCorpus(seed: seed, vocabularySize: 8)
    let segments = [corpus.segment(documents: 150, blockSize: blockSize, deletions: true)]
    let searcher = Searcher(segments: segments)
    let reference = BruteForce(searcher: searcher, segments: segments)
    for round in 0..<60 {
        let query = (round % 3 == 0 ? "title:" : "") + "\"" + corpus.phrase() + "\""
        let options = SearchOptions(limit: [1, 5, 20][round % 3], perDocument: round % 2 == 0 ? 1 : nil)
        let pruned = try searcher.search(query, options: options).hits
        #expect(pruned == (try reference.search(query, options: options)), "\(query)")
    }
}

/// Phrases of up to five words from an eight-word vocabulary: words repeat inside a phrase
/// and the rarest word often stands in the middle, where verification starts from it and
/// stops once no start is left; counts must match the brute force's.
@Test(arguments: [(14 as UInt64, 4), (15, 16)])
func longPhrasesEqualBruteForce(seed: UInt64, blockSize: Int) throws {
    var corpus = RandomCorpus(seed: seed, vocabularySize: 8)
    let segments = [corpus.segment(documents: 150, blockSize: blockSize, deletions: true)]
    let searcher = Searcher(segments: segments)
    let reference = BruteForce(searcher: searcher, segments: segments)
    var matched = 0
    for round in 0..<60 {
        let query = "\"" + corpus.phrase(words: 3...5) + "\""
        let options = SearchOptions(limit: [1, 5, 20][round % 3])
        let pruned = try searcher.search(query, options: options).hits
        #expect(pruned == (try reference.search(query, options: options)), "\(query)")
        if !pruned.isEmpty { matched += 1 }
    }
    #expect(matched > 40)
}

/// A three-word phrase whose commonest word is sparse (a fifth of the passages, six blocks)
/// while the other two agree at half of them: the commonest joins the proposals once they
/// outnumber its blocks, so both ways of proposing run; exact either way, with a threshold
/// (top 10) and without one.
@Test(arguments: [10, 1_000])
func phraseWhoseCommonestWordJoinsMidwayEqualsBruteForce(limit: Int) throws {
    var random = SeededGenerator(seed: 41)
    let filler = ["qx", "qy", "qz"]
    var passages: [InMemorySegment.Passage] = []
    for number in 0..<3_000 {
        var text = (0..<Int.random(in: 4...12, using: &random)).map { _ in filler[Int.random(in: 0..<3, using: &random)] }
        if number % 2 == 0 {
            text.insert(contentsOf: ["qa", "qb"].shuffled(using: &random), at: Int.random(in: 0...text.count, using: &random))
        }
        if number % 5 == 0 { text.insert("qc", at: Int.random(in: 0...text.count, using: &random)) }
        if number % 37 == 0 { text.insert(contentsOf: ["qa", "qb", "qc"], at: Int.random(in: 0...text.count, using: &random)) }
        passages.append(
            InMemorySegment.Passage(document: DocumentNumber(rawValue: UInt32(number / 3)), fields: [.text: text], isDeleted: false))
    }
    let documents = (0..<1_000).map { _ in InMemorySegment.Document(path: "a.html", language: nil) }
    let segments = [InMemorySegment(documents: documents, passages: passages)]
    let searcher = Searcher(segments: segments)
    let options = SearchOptions(limit: limit, perDocument: nil)
    let pruned = try searcher.search("\"qa qb qc\"", options: options).hits
    #expect(pruned == (try BruteForce(searcher: searcher, segments: segments).search("\"qa qb qc\"", options: options)))
    #expect(pruned.count >= min(limit, 81))
}
