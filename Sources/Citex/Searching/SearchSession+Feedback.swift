import Analysis
import Search

/// The ranking step of `SearchSession.search`, with pseudo-relevance feedback when asked.
extension SearchSession {
    /// The ranked passages for `query`: one search, or with `settings.feedback` on a plain
    /// query, a first round for the feedback passages and a second with the expanded query.
    /// Queries with syntax are never expanded: their phrases, exclusions and filters would
    /// be lost in a bag of weighted words.
    func rankedPassages(_ query: String) throws -> SearchResult {
        guard let model = settings.feedback, settings.plain else {
            return try searcher.search(query, options: settings.searchOptions)
        }
        var firstRound = settings.searchOptions
        firstRound.limit = model.feedbackPassages
        firstRound.perDocument = 1
        let first = try searcher.search(query, options: firstRound)
        guard !first.hits.isEmpty else { return first }
        let feedback = try first.hits.map { hit in
            let text = try reader.segments[hit.segment].passage(hit.passage).passage.text
            return (score: hit.score, terms: contentTerms(text))
        }
        let expanded = model.expand(query: contentTerms(query), feedback: feedback)
        return searcher.search(weightedTerms: expanded, options: settings.searchOptions)
    }

    /// Index terms of `text` without stopwords or compounds' joined forms.
    private func contentTerms(_ text: String) -> [String] {
        searcher.analyzer.queryTerms(text).compactMap { $0.isStopword || $0.isCompoundWhole ? nil : $0.term }
    }
}
