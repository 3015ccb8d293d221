@testable import Search
import Testing
import TestSupport

/// A frequency below `frequencyFloor` must score below the score it was asked for (else a
/// window would drop a hit), and the floor must stay within a hundred-thousandth of the
/// exact inverse, so that it drops nearly everything that scores below.
@Test(arguments: [UInt64(21), 22, 23])
func frequencyFloorRefusesOnlyLowerScores(seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    for k1 in [0.9, 1.2, 2.0] {
        let bm25 = BM25F(parameters: BM25Parameters(k1: k1), fieldWeights: FieldWeights(), averageLengths: [3, 2, 14])
        for _ in 0..<1_000 {
            let weight = Double.random(in: 0.1...12, using: &generator)
            let score = Double.random(in: 0...(weight * 1.1), using: &generator)
            let floor = bm25.frequencyFloor(score: score, weight: weight)
            guard floor.isFinite else {
                #expect(floor == (score <= 0 ? -.infinity : .infinity))
                continue
            }
            var frequency = floor
            for _ in 0..<4 {
                frequency = frequency.nextDown
                #expect(weight * bm25.saturate(frequency) < score)
            }
            let exact = k1 * score / (weight - score)
            #expect(floor <= exact && floor >= exact * (1 - 1e-5))
            #expect(weight * bm25.saturate(exact * (1 + 1e-9)) >= score * (1 - 1e-12))
        }
    }
}
