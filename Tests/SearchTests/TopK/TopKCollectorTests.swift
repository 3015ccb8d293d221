import Index
@testable import Search
import TestSupport
import Testing

/// The collector's incremental per-document cap must equal "sort everything, keep each
/// document's best N, cut at k", for any arrival of hits in key order.
@Test(arguments: [UInt64(1), 2, 3, 4, 5, 6])
func collectorMatchesSortCapCut(seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    for _ in 0..<200 {
        let limit = Int.random(in: 1...8, using: &generator)
        let cap = Int.random(in: 0...3, using: &generator)
        let perDocument = cap == 0 ? nil : cap
        let hits = (0..<Int.random(in: 0...40, using: &generator)).map { number in
            SearchHit(
                segment: 0, passage: PassageNumber(rawValue: UInt32(number)),
                document: DocumentNumber(rawValue: UInt32.random(in: 0..<5, using: &generator)),
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
