import Index
import Search
import Snippets

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An open index ready to answer queries: `citex search` opens one per run, so a batch of
/// queries (`--queries`) pays for opening once.
public final class SearchSession {
    public let index: IndexReader
    private let searcher: Searcher
    private let request: SearchRequest
    private let snippets: SnippetBuilder

    /// Opens the newest commit at `path`.
    /// - Throws: `IndexError` (`.noIndex` names the path and how to build an index).
    public init(index path: String, request: SearchRequest = SearchRequest()) throws {
        index = try IndexReader.open(at: path)
        self.request = request
        searcher = Searcher(
            segments: index.segments, analyzer: index.settings.analyzer, parameters: request.parameters,
            fieldWeights: request.fieldWeights)
        snippets = SnippetBuilder(
            analyzer: index.settings.analyzer, options: SnippetOptions(maxCharacters: request.snippetCharacters))
    }

    /// Runs one query and gathers each hit's passage, document and snippet.
    /// - Throws: `SearchError` for a malformed query, `IndexError` for an unreadable passage.
    public func search(_ query: String, qid: String? = nil) throws -> (page: ResultPage, notes: [String]) {
        let started = Self.now()
        let result = try searcher.search(query, options: request.searchOptions)
        let highlight = HighlightQuery(
            terms: result.queryTerms.terms.map { Array($0.utf8) },
            phrases: result.queryTerms.phrases.map { $0.map { Array($0.utf8) } })
        var hits: [CitedHit] = []
        for (rank, hit) in result.hits.enumerated() {
            let segment = index.segments[hit.segment]
            let document = try segment.document(hit.document).document
            guard request.fetchesPassages else {
                let passage = Passage(
                    id: segment.passageID(hit.passage), ordinal: 0, section: [], text: "", line: 0, anchor: nil)
                hits.append(
                    CitedHit(
                        rank: rank + 1, score: hit.score, document: document, passage: passage,
                        snippet: Snippet(text: "", highlights: [])))
                continue
            }
            let stored = try segment.passage(hit.passage)
            hits.append(
                CitedHit(
                    rank: rank + 1, score: hit.score, document: document, passage: stored.passage,
                    snippet: snippets.snippet(of: stored.passage.text, for: highlight)))
        }
        let took = (Self.now() - started) * 1000
        let page = ResultPage(
            query: query, qid: qid, total: max(result.matchesScored, hits.count), tookMilliseconds: took, hits: hits)
        return (page, result.notes)
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
