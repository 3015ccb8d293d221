import Index
import Search
import Testing

/// A phrase verified in one passage's title is reused for the rest of its document's
/// passages: only when every passage of each document holds the same title.
@Suite struct SharedTitleTests {
    private func segment(titles: [[String]], documents: [UInt32]) -> InMemorySegment {
        InMemorySegment(
            documents: (0...(documents.max() ?? 0)).map { _ in InMemorySegment.Document(path: "a.html", language: nil) },
            passages: zip(titles, documents).map { title, document in
                InMemorySegment.Passage(
                    document: DocumentNumber(rawValue: document), fields: [.title: title, .text: ["qka"]], isDeleted: false)
            })
    }

    @Test func aDocumentsPassagesShareItsTitle() {
        let source = segment(titles: [["qka", "qlo"], ["qka", "qlo"], ["qmi"], ["qmi"], ["qmi"]], documents: [0, 0, 1, 1, 1])
        let first = PassageNumber(rawValue: 0)..<PassageNumber(rawValue: 2)
        let second = PassageNumber(rawValue: 2)..<PassageNumber(rawValue: 5)
        #expect(source.passages(sharing: .title, with: PassageNumber(rawValue: 1)) == first)
        #expect(source.passages(sharing: .title, with: PassageNumber(rawValue: 4)) == second)
        #expect(source.passages(sharing: .text, with: PassageNumber(rawValue: 1)) == nil)
    }

    @Test func titlesThatDifferOrDocumentsThatInterleaveShareNothing() {
        let differing = segment(titles: [["qka"], ["qlo"]], documents: [0, 0])
        #expect(differing.passages(sharing: .title, with: PassageNumber(rawValue: 0)) == nil)
        let interleaved = segment(titles: [["qka"], ["qlo"], ["qka"]], documents: [0, 1, 0])
        #expect(interleaved.passages(sharing: .title, with: PassageNumber(rawValue: 2)) == nil)
        #expect(segment(titles: [], documents: []).passages(sharing: .title, with: PassageNumber(rawValue: 0)) == nil)
    }

    /// The title phrase found in a document's first passage scores on all of them, and one
    /// that fails there is skipped on the rest, exactly as scoring every passage does.
    @Test func phrasesInSharedTitlesScoreLikeExhaustiveSearch() throws {
        let source = segment(
            titles: [["qka", "qlo"], ["qka", "qlo"], ["qka", "qlo"], ["qlo", "qka"], ["qlo", "qka"]], documents: [0, 0, 0, 1, 1])
        let searcher = Searcher(segments: [source])
        var options = SearchOptions(limit: 10)
        let pruned = try searcher.search("title:\"qka qlo\"", options: options)
        options.strategy = .exhaustive
        #expect(pruned.hits == (try searcher.search("title:\"qka qlo\"", options: options)).hits)
        #expect(pruned.hits.map(\.passage.rawValue).sorted() == [0, 1, 2])
    }
}
