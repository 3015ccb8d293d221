import Search

/// Ranked documents without snippets, for relevance runs: the same search as `search(_:)`,
/// minus reading passages and building fragments, which cost far more than the ranking.
extension SearchSession {
    /// One hit reduced to what a TREC run needs.
    public struct RankedDocument: Sendable, Equatable {
        /// The document's path as `citex search` cites it.
        public var path: String
        public var score: Double
    }

    /// The hits of `query`, best first, as document paths and scores.
    /// - Throws: `SearchError` for a malformed query, `IndexError` for a damaged index.
    public func rankedDocuments(_ query: String) throws -> [RankedDocument] {
        let result = try searcher.search(query, options: settings.searchOptions)
        return try result.hits.map { hit in
            let paths = try reader.segments[hit.segment].documentFacts().paths
            return RankedDocument(path: paths[Int(hit.document.rawValue)], score: hit.score)
        }
    }
}
