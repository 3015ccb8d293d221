import Index
@testable import Search
import TestSupport
import Testing

/// The collector's incremental per-document cap must equal "sort everything, keep each
/// document's best N, cut at k", for any arrival of hits in key order, short lists and long.
@Test(arguments: [UInt64(1), 2, 3, 4, 5, 6])
func collectorMatchesSortCapCut(seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    for round in 0..<300 {
        let long = round % 3 == 2
        let limit = long ? Int.random(in: 33...40, using: &generator) : Int.random(in: 1...8, using: &generator)
        let cap = Int.random(in: 0...3, using: &generator)
        let perDocument = cap == 0 ? nil : cap
        let hits = (0..<Int.random(in: 0...(long ? 200 : 40), using: &generator)).map { number in
            SearchHit(
                segment: 0, passage: PassageNumber(rawValue: UInt32(number)),
                document: DocumentNumber(rawValue: UInt32.random(in: 0..<(long ? 30 : 5), using: &generator)),
                score: Double(Int.random(in: 0..<6, using: &generator)))
        }
        var collector = TopKCollector(limit: limit, perDocument: perDocument)
        for hit in hits where collector.competes(hit.score) {
            collector.offer(hit)
        }
        var counts: [DocumentNumber: Int] = [:]
        let expected = hits.sorted { $0.ranks(before: $1) }.filter { hit in
            counts[hit.document, default: 0] += 1
            return counts[hit.document, default: 0] <= (perDocument ?? .max)
        }.prefix(limit)
        #expect(collector.hits == Array(expected))
    }
}

@Test func thresholdRisesOnlyOnceFull() {
    var collector = TopKCollector(limit: 2, perDocument: nil)
    #expect(collector.threshold == -.infinity)
    for (number, score) in [3.0, 1.0, 2.0].enumerated() {
        collector.offer(
            SearchHit(
                segment: 0, passage: PassageNumber(rawValue: UInt32(number)), document: DocumentNumber(rawValue: 0),
                score: score))
    }
    #expect(collector.threshold == 2)
    #expect(!collector.competes(2))
    #expect(collector.competes(2.5))
}

/// A part scoring below `floor` must be one `admits` refuses with the rest added (else a
/// window would drop a hit), and the floor must stay within a millionth of the exact cut,
/// so that it spares the window most of what the drain would refuse.
@Test(arguments: [UInt64(7), 8, 9])
func floorRefusesOnlyWhatAdmitsRefuses(seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    #expect(TopKCollector.floor(rest: 1, threshold: -.infinity) == -.infinity)
    for _ in 0..<2_000 {
        let threshold = Double.random(in: 0...20, using: &generator)
        let rest = Double.random(in: 0...10, using: &generator)
        let floor = TopKCollector.floor(rest: rest, threshold: threshold)
        #expect(floor <= threshold - rest)
        #expect(floor > threshold - rest - 1e-4)
        // Just below the floor, and the largest doubles below it.
        var score = floor
        for _ in 0..<4 {
            score = score.nextDown
            #expect(!TopKCollector.admits(bound: score + rest, threshold: threshold))
        }
        let below = floor - Double.random(in: 0...1, using: &generator)
        #expect(!TopKCollector.admits(bound: below + rest, threshold: threshold))
        // Where `admits` lets a score through, the floor does too.
        let exact = threshold - rest
        for candidate in [exact, exact.nextDown, exact.nextUp, exact - 1e-9 * threshold]
        where TopKCollector.admits(bound: candidate + rest, threshold: threshold) {
            #expect(candidate >= floor)
        }
    }
}
