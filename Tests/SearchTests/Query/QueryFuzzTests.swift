import Search
import Testing
import TestSupport

/// Random strings of the language's pieces: every one either runs or fails with a
/// `SearchError` naming a column inside the query (or just past its end), never a trap.
@Test(arguments: [UInt64(1), 2, 3])
func randomQueriesRunOrFailWithAColumn(seed: UInt64) throws {
    var corpus = RandomCorpus(seed: seed)
    let searcher = Searcher(segments: [corpus.segment(documents: 20, blockSize: 4, deletions: true)])
    let pieces = [
        "qka", "qlo", "qmi", " ", " ", "\"", "(", ")", "+", "-", ":", "*", "AND", "OR", "NOT", "title:", "path:",
        "lang:", "section:", "author:", "?", "é", "\t", "e-mail", "sig*",
    ]
    for _ in 0..<1500 {
        let query = (0..<Int.random(in: 1...8, using: &corpus.generator)).map { _ in
            pieces.randomElement(using: &corpus.generator) ?? ""
        }.joined()
        for syntax in [QueryParser.Syntax.full, .plain] {
            var options = SearchOptions(limit: 5, perDocument: 1)
            options.query.syntax = syntax
            do {
                _ = try searcher.search(query, options: options)
            } catch {
                #expect(syntax == .full, "plain syntax never fails: \(query)")
                let column = error.column ?? 0
                #expect(column >= 1 && column <= query.count + 1, "\(query): \(error)")
            }
        }
    }
}
