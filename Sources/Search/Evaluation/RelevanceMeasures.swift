#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The measures `citex eval` reports, defined as trec_eval defines them.
public enum RelevanceMeasures {
    /// nDCG at `cutoff` (trec_eval `ndcg_cut`): gain = relevance grade, discount log2(rank + 1),
    /// the ideal ranking built from every judged document of the query. 0 when nothing is
    /// relevant.
    ///
    /// - Parameters:
    ///   - ranked: the run's documents, best first, without duplicates.
    ///   - judgments: document → relevance grade for this query.
    public static func ndcg(_ ranked: [String], judgments: [String: Int], cutoff: Int) -> Double {
        var dcg = 0.0
        for (index, document) in ranked.prefix(cutoff).enumerated() {
            dcg += gain(judgments[document]) / log2(Double(index + 2))
        }
        let ideal = judgments.values.filter { $0 > 0 }.sorted(by: >).prefix(cutoff)
        var idealDCG = 0.0
        for (index, grade) in ideal.enumerated() { idealDCG += Double(grade) / log2(Double(index + 2)) }
        return idealDCG > 0 ? dcg / idealDCG : 0
    }

    /// Average precision over the first `cutoff` documents (trec_eval `map_cut`): the sum of
    /// precision at each relevant document's rank, divided by the number of relevant documents
    /// judged (not just those retrieved).
    public static func averagePrecision(_ ranked: [String], judgments: [String: Int], cutoff: Int) -> Double {
        let relevant = judgments.values.count(where: { $0 >= 1 })
        guard relevant > 0 else { return 0 }
        var found = 0
        var sum = 0.0
        for (index, document) in ranked.prefix(cutoff).enumerated() where (judgments[document] ?? 0) >= 1 {
            found += 1
            sum += Double(found) / Double(index + 1)
        }
        return sum / Double(relevant)
    }

    /// Fraction of the relevant documents found in the first `cutoff` (trec_eval `recall_cut`).
    public static func recall(_ ranked: [String], judgments: [String: Int], cutoff: Int) -> Double {
        let relevant = judgments.values.count(where: { $0 >= 1 })
        guard relevant > 0 else { return 0 }
        let found = ranked.prefix(cutoff).count(where: { (judgments[$0] ?? 0) >= 1 })
        return Double(found) / Double(relevant)
    }

    /// Unjudged documents and negative grades gain nothing.
    private static func gain(_ grade: Int?) -> Double {
        Double(max(grade ?? 0, 0))
    }
}
