import Index

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The scoring formula, in one place so every evaluator computes bit-identical scores.
///
/// For a query term t with fields F (all three unless the query says `title:` etc.):
/// ```
/// idf(t)  = ln(1 + (N − n + 0.5) / (n + 0.5))          Lucene's BM25 idf
///           N = passages (deleted included), n = max over f ∈ F of df_f(t)
/// B_f(p)  = 1 − b + b · len_f(p) / avglen_f            length normalisation per field
/// tf'(p)  = Σ_{f ∈ F} w_f · tf_f(p) / B_f(p)           weighted, normalised frequency
/// s(t, p) = boost · idf(t) · tf'(p) / (k1 + tf'(p))
/// ```
/// With one field and w = 1 this is exactly Lucene's `BM25Similarity` (which dropped the
/// constant (k1 + 1) factor). A phrase is scored the same way with its frequency in
/// each field and the sum of its terms' idf. A passage's score is the sum of its
/// matching clauses' scores, added in query order. `boost` is 1 except for down-weighted
/// stopwords.
public struct BM25F: Sendable {
    let k1: Double
    /// Per field, indexed like `IndexField.allCases`: w_f and B_f = base + slope · len.
    let fields: [FieldScoring]
    /// Keeps the fields' reciprocal tables alive as long as any copy of this.
    private let tables: ReciprocalTables

    /// - Parameter averageLengths: avglen_f per field, `IndexField.allCases` order.
    init(parameters: BM25Parameters, fieldWeights: FieldWeights, averageLengths: [Double]) {
        k1 = parameters.k1
        let base = 1 - parameters.b
        let slopes = averageLengths.map { $0 > 0 ? parameters.b / $0 : 0 }
        let tables = ReciprocalTables(fields: slopes.map { (base, $0) })
        self.tables = tables
        fields = IndexField.allCases.indices.map { field in
            FieldScoring(
                weight: fieldWeights[IndexField.allCases[field]], base: base, slope: slopes[field],
                reciprocals: UnsafePointer(tables.values + field * FieldScoring.tabulatedLengths))
        }
    }

    /// Lucene's idf; `n` passages of `total` contain the term.
    static func idf(documentFrequency n: Int, passages total: Int) -> Double {
        let n = Double(n)
        return log(1 + (Double(total) - n + 0.5) / (n + 0.5))
    }

    /// w_f · tf / B_f for one field.
    @inline(__always)
    func normalizedFrequency(_ frequency: UInt32, length: UInt32, field: Int) -> Double {
        fields[field].normalizedFrequency(frequency, length: length)
    }

    /// The highest w_f · tf / B_f over a block's (or list's) impacts: since the formula
    /// rises with tf and falls with the length, no posting the impacts dominate scores more
    /// in this field. 0 for no impacts.
    @inline(__always)
    func maxNormalizedFrequency(_ impacts: Impacts, field: Int) -> Double {
        fields[field].maxNormalizedFrequency(impacts)
    }

    /// The saturation tf' / (k1 + tf'), increasing in tf', below 1.
    @inline(__always)
    func saturate(_ frequency: Double) -> Double {
        frequency / (k1 + frequency)
    }

    /// A tf' below which `weight · saturate(tf')` is surely below `score` (weight > 0): the
    /// saturation inverted and lowered by a millionth, far beyond the rounding of either
    /// side, so that a scoring loop drops such a frequency by one comparison before dividing.
    /// `-infinity` when no score is refused, `infinity` when every one is.
    @inline(__always)
    func frequencyFloor(score: Double, weight: Double) -> Double {
        guard score > 0 else { return -.infinity }
        guard score < weight else { return .infinity }
        return k1 * score / (weight - score) * (1 - 1e-6)
    }
}
