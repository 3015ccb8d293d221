import Index

/// One field's part of BM25F: w_f · tf / B_f(len), with 1 / B_f(len) read from a table for
/// the lengths most fields have.
///
/// Scoring a candidate was bound by division latency: a division per field for B_f, then
/// one for saturation, each waiting on the last. With the reciprocal tabulated, a field
/// costs a load and two multiplications. Every evaluator and every bound computes through
/// this one function, so scores stay bit-identical between them, and the result still rises
/// with tf and falls with the length (the reciprocal of an increasing value is computed
/// the same way in the table and past it), which the impact bounds rely on.
struct FieldScoring: @unchecked Sendable {
    /// Lengths below this read their reciprocal from the table.
    static let tabulatedLengths = 512

    let weight: Double
    let base: Double
    let slope: Double
    /// `tabulatedLengths` reciprocals, owned by the `ReciprocalTables` of the `BM25F` this
    /// came from (which whoever scores holds).
    let reciprocals: UnsafePointer<Double>

    /// 1 / B_f(len), the value the table holds for short lengths.
    @inline(__always)
    static func reciprocal(base: Double, slope: Double, length: UInt32) -> Double {
        1 / (base + slope * Double(length))
    }

    /// w_f · tf / B_f(len).
    @inline(__always)
    func normalizedFrequency(_ frequency: UInt32, length: UInt32) -> Double {
        let reciprocal = length < Self.tabulatedLengths
            ? reciprocals[Int(length)] : Self.reciprocal(base: base, slope: slope, length: length)
        return weight * Double(frequency) * reciprocal
    }

    /// The highest w_f · tf / B_f over a block's (or list's) impacts: since the formula
    /// rises with tf and falls with the length, no posting the impacts dominate scores more
    /// in this field. 0 for no impacts.
    @inline(__always)
    func maxNormalizedFrequency(_ impacts: Impacts) -> Double {
        var best = 0.0
        for impact in impacts {
            best = max(best, normalizedFrequency(impact.frequency, length: impact.norm))
        }
        return best
    }
}

/// The reciprocal tables of every field, in one allocation freed with the last `BM25F` copy.
final class ReciprocalTables: @unchecked Sendable {
    let values: UnsafeMutablePointer<Double>

    /// Fills one table per (base, slope) pair, in order.
    init(fields: [(base: Double, slope: Double)]) {
        let size = FieldScoring.tabulatedLengths
        values = .allocate(capacity: max(1, fields.count * size))
        for (index, field) in fields.enumerated() {
            for length in 0..<size {
                (values + index * size + length).initialize(
                    to: FieldScoring.reciprocal(base: field.base, slope: field.slope, length: UInt32(length)))
            }
        }
    }

    deinit {
        values.deallocate()
    }
}
