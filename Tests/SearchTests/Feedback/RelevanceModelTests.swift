import Search
import Testing

/// RM3 weights computed by hand: P(t|R) from score-weighted passage frequencies, the top
/// terms renormalised, mixed with the query's own distribution.
@Test func expansionMixesQueryAndFeedbackDistributions() {
    let model = RelevanceModel(feedbackPassages: 2, expansionTerms: 2, originalWeight: 0.5)
    // Shares per token: 3/4/4 = 0.1875 in the first passage, 1/4/2 = 0.125 in the second.
    // P(t|R): gamma 0.5, alpha 0.1875, delta 0.1875 (loses the tie to alpha), eps 0.125;
    // gamma and alpha kept, mass 0.6875.
    let expanded = model.expand(
        query: ["alpha", "beta"],
        feedback: [(score: 3, terms: ["alpha", "gamma", "gamma", "delta"]), (score: 1, terms: ["gamma", "eps"])])
    #expect(expanded.map(\.term) == ["alpha", "gamma", "beta"])
    let expected = [0.25 + 0.5 * 0.1875 / 0.6875, 0.5 * 0.5 / 0.6875, 0.25]
    for (term, weight) in zip(expanded, expected) { #expect(abs(term.weight - weight) < 1e-12) }
    #expect(abs(expanded.reduce(0) { $0 + $1.weight } - 1) < 1e-12)
}

@Test func feedbackWithoutUsablePassagesLeavesTheQuery() {
    let expanded = RelevanceModel().expand(query: ["a", "a", "b"], feedback: [(score: 0, terms: ["c"]), (score: 2, terms: [])])
    #expect(expanded.map(\.term) == ["a", "b"])
    #expect(abs(expanded[0].weight - 0.4) < 1e-12 && abs(expanded[1].weight - 0.2) < 1e-12)
}

/// One-letter terms (symbols, initials) are never added, however frequent.
@Test func aQueryWithoutContentWordsTakesTheFeedbackWhole() {
    let expanded = RelevanceModel(expansionTerms: 1).expand(query: [], feedback: [(score: 1, terms: ["x", "x", "gamma"])])
    #expect(expanded == [WeightedTerm(term: "gamma", weight: 1)])
}
