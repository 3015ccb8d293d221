/// RM3 pseudo-relevance feedback: the query expanded with the words that dominate its best
/// first-round results, for recall on long requests whose words miss the documents' wording.
///
/// RM1 estimates a "relevance model" from the feedback passages, each weighted by its share
/// of their total score: P(t|R) = Σ_p P(p) · tf(t, p) / |p|. The `expansionTerms` most
/// probable terms are kept and renormalised, then mixed with the query's own distribution
/// (P(t|q) = count / |q|): w(t) = λ · P(t|q) + (1 − λ) · P(t|R), λ = `originalWeight`
/// (Lavrenko and Croft 2001; Abdul-Jaleel et al. 2004). The defaults, 10 passages, 20 terms,
/// λ 0.6, raised every measure on Cranfield for full requests and for requests cut to two or
/// four words alike (README, "Relevance"); Anserini's 10 / 10 / 0.5 lost some nDCG@10.
public struct RelevanceModel: Sendable, Equatable {
    /// How many of the first round's best passages (one per document) feed the model.
    public var feedbackPassages: Int
    /// How many feedback terms join the query.
    public var expansionTerms: Int
    /// λ, the original query's share of the final weights (0…1).
    public var originalWeight: Double

    public init(feedbackPassages: Int = 10, expansionTerms: Int = 20, originalWeight: Double = 0.6) {
        self.feedbackPassages = feedbackPassages
        self.expansionTerms = expansionTerms
        self.originalWeight = originalWeight
    }

    /// The expanded query, heaviest term first (ties by term, so runs are deterministic).
    ///
    /// - Parameters:
    ///   - query: the query's index terms, stopwords left out; repeats weigh more.
    ///   - feedback: each feedback passage's first-round score and its index terms (stopwords
    ///     left out). Passages without terms or with a score ≤ 0 contribute nothing.
    public func expand(query: [String], feedback: [(score: Double, terms: [String])]) -> [WeightedTerm] {
        var weights: [String: Double] = [:]
        for term in query { weights[term, default: 0] += originalWeight / Double(query.count) }
        let usable = feedback.filter { $0.score > 0 && !$0.terms.isEmpty }
        let total = usable.reduce(0) { $0 + $1.score }
        var model: [String: Double] = [:]
        for passage in usable {
            let share = passage.score / total / Double(passage.terms.count)
            for term in passage.terms where term.utf8.count > 1 { model[term, default: 0] += share }
        }
        let kept = model.sorted(by: Self.heavierFirst).prefix(expansionTerms)
        let mass = kept.reduce(0) { $0 + $1.value }
        let feedbackShare = query.isEmpty ? 1 : 1 - originalWeight
        for (term, probability) in kept where mass > 0 { weights[term, default: 0] += feedbackShare * probability / mass }
        return weights.sorted(by: Self.heavierFirst).map { WeightedTerm(term: $0.key, weight: $0.value) }
    }

    private static func heavierFirst(_ a: (key: String, value: Double), _ b: (key: String, value: Double)) -> Bool {
        a.value != b.value ? a.value > b.value : a.key < b.key
    }
}
