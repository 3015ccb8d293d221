import Foundation
import Index
@testable import Search
import Testing

/// The tabulated reciprocal must give BM25F's w_f · tf / B_f to rounding, on both sides of
/// the table's end, and keep falling with the length across it (impact bounds rely on it).
@Test(arguments: [(0.75, 14.0), (0.9, 3.0), (0.3, 700.0)])
func tabulatedLengthsScoreLikeTheFormula(b: Double, averageLength: Double) {
    let weights = FieldWeights(title: 2.5, section: 1.5, text: 1)
    let averages = [averageLength, 3, 4]
    let bm25 = BM25F(parameters: BM25Parameters(k1: 1.2, b: b), fieldWeights: weights, averageLengths: averages)
    let size = UInt32(FieldScoring.tabulatedLengths)
    for (field, name) in IndexField.allCases.enumerated() {
        let weight = weights[name]
        let average = averages[field]
        var previous = Double.infinity
        for length in Array(0..<40) + Array(size - 40..<size + 40) + [70_000] {
            let score = bm25.normalizedFrequency(3, length: length, field: field)
            let formula = weight * 3 / (1 - b + b * Double(length) / average)
            #expect(abs(score - formula) <= formula * 1e-14, "field \(field) length \(length)")
            #expect(score <= previous, "field \(field) length \(length)")
            previous = score
        }
    }
}
