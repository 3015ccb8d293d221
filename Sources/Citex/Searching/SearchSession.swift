import Dispatch
import Index
import Search
import Snippets

/// One opened index answering queries: the reader, the searcher and the snippet builder are
/// set up once, so a batch of queries pays the start-up once.
public final class SearchSession {
    public let settings: SearchSettings
    let reader: IndexReader
    let searcher: Searcher
    private let snippets: SnippetBuilder
    /// Documents already read, kept for the session: a batch's queries keep hitting the same
    /// pages, and a document record costs a store-block decompression. Direct-mapped on the
    /// document number, a newer document taking an older one's slot: a look-up is an index and
    /// a comparison, where a dictionary hashed its key (and copied the document out) per hit.
    private var documents = [CachedDocument?](repeating: nil, count: SearchSession.documentSlots)
    private static let documentSlots = 4096

    /// Opens the last commit of the index in `settings.index`.
    public init(_ settings: SearchSettings) throws {
        self.settings = settings
        reader = try IndexReader.open(at: settings.index)
        let analyzer = reader.settings.analyzer
        searcher = Searcher(
            segments: reader.segments, analyzer: analyzer, parameters: settings.bm25, fieldWeights: settings.fieldWeights)
        snippets = SnippetBuilder(analyzer: analyzer, options: settings.snippet)
    }

    /// Runs `query` and returns its hits with snippets and citations.
    /// - Throws: `SearchError` for a malformed query, `IndexError` for a damaged index.
    public func search(_ query: String, qid: String? = nil) throws -> SearchAnswer {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try rankedPassages(query)
        // A TREC run prints documents only: no passage is read, no snippet built.
        let highlight = settings.fetchesPassages ? HighlightMatcher(HighlightQuery(
            terms: result.queryTerms.terms.map { Array($0.utf8) }, phrases: result.queryTerms.phrases.map { $0.map { Array($0.utf8) } }))
            : nil
        if highlight != nil {
            for (number, segment) in reader.segments.enumerated() {
                let passages = result.hits.compactMap { $0.segment == number ? $0.passage : nil }
                if !passages.isEmpty { segment.prefetchPassages(passages) }
            }
        }
        var hits: [CitedHit] = []
        hits.reserveCapacity(result.hits.count)
        for (rank, hit) in result.hits.enumerated() {
            let segment = reader.segments[hit.segment]
            let slot = (Int(hit.document.rawValue) &+ hit.segment &* 0x9E37_79B1) & (Self.documentSlots - 1)
            let cached: CachedDocument
            if let found = documents[slot], found.segment == hit.segment, found.number == hit.document {
                cached = found
            } else {
                cached = CachedDocument(
                    segment: hit.segment, number: hit.document, document: try segment.document(hit.document).document)
                documents[slot] = cached
            }
            let passage: Passage, snippet: Snippet
            if let highlight {
                passage = try segment.passage(hit.passage).passage
                snippet = snippets.snippet(of: passage.text, for: highlight)
            } else {
                passage = Passage(id: segment.passageID(hit.passage), ordinal: 0, section: [], text: "", line: 0, anchor: nil)
                snippet = Snippet(text: "", highlights: [])
            }
            hits.append(CitedHit(rank: rank + 1, score: hit.score, document: cached.document, passage: passage, snippet: snippet))
        }
        // Reads that met a checksum mismatch ended early rather than threw: never serve that.
        if let damage = reader.damage { throw damage }
        let took = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        let page = ResultPage(query: query, qid: qid, total: result.matchesScored, tookMilliseconds: took, hits: hits)
        return SearchAnswer(page: page, notes: result.notes)
    }

    /// A class, so that looking one up costs a reference count, not a copy of its strings.
    private final class CachedDocument {
        let segment: Int
        let number: DocumentNumber
        let document: Document

        init(segment: Int, number: DocumentNumber, document: Document) {
            self.segment = segment
            self.number = number
            self.document = document
        }
    }
}

/// A page of results and the remarks to show beside it (a capped prefix expansion).
public struct SearchAnswer: Sendable {
    public var page: ResultPage
    public var notes: [String]
}
