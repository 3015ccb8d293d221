@testable import Index
import TestSupport
import Testing

@Suite struct ImpactsTests {
    static func randomPairs(_ count: Int, maxFrequency: UInt32, maxNorm: UInt32, seed: UInt64) -> [Impact] {
        var random = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            Impact(
                frequency: UInt32.random(in: 1...maxFrequency, using: &random),
                norm: UInt32.random(in: 1...maxNorm, using: &random))
        }
    }

    /// The reference: every distinct pair no other pair dominates, by frequency.
    static func paretoSet(_ pairs: [Impact]) -> [Impact] {
        Set(pairs).filter { pair in !pairs.contains { $0 != pair && pair.isDominated(by: $0) } }
            .sorted { $0.frequency < $1.frequency }
    }

    @Test(arguments: [(1 as UInt64, 5, 3 as UInt32), (2, 128, 6), (3, 128, 40), (4, 1000, 200)])
    func frontierIsTheParetoSet(seed: UInt64, count: Int, maxFrequency: UInt32) {
        let pairs = Self.randomPairs(count, maxFrequency: maxFrequency, maxNorm: 500, seed: seed)
        var frontier = ImpactFrontier()
        for pair in pairs { frontier.add(pair) }
        #expect(frontier.pairs == Self.paretoSet(pairs))
        var merged = ImpactFrontier()
        for chunk in stride(from: 0, to: pairs.count, by: 7) {
            var part = ImpactFrontier()
            for pair in pairs[chunk..<min(chunk + 7, pairs.count)] { part.add(pair) }
            merged.add(part)
        }
        #expect(merged.pairs == frontier.pairs)
    }

    /// Capping keeps an upper bound: every posting stays dominated, the pairs stay sorted and
    /// strictly ascending, and none is invented beyond the inputs' own values.
    @Test(arguments: [UInt64(5), 6, 7, 8, 9])
    func cappedImpactsStillDominateEveryPair(seed: UInt64) {
        // Longer fields holding more occurrences, as in real text: a wide frontier.
        let pairs = Self.randomPairs(400, maxFrequency: 60, maxNorm: 300, seed: seed).map {
            Impact(frequency: $0.frequency, norm: $0.frequency * 50 + $0.norm)
        }
        var frontier = ImpactFrontier()
        for pair in pairs { frontier.add(pair) }
        #expect(frontier.pairs.count > Impacts.capacity)
        let impacts = frontier.impacts
        #expect(impacts.count == Impacts.capacity)
        for pair in pairs {
            #expect(impacts.contains { pair.isDominated(by: $0) }, "\(pair) escapes \(impacts)")
        }
        for (lower, upper) in zip(impacts, impacts.dropFirst()) {
            #expect(lower.frequency < upper.frequency && lower.norm < upper.norm)
        }
        #expect(impacts.allSatisfy { impact in
            frontier.pairs.contains { $0.frequency == impact.frequency }
                && frontier.pairs.contains { $0.norm == impact.norm }
        })
        #expect(impacts.maxFrequency == frontier.pairs.last?.frequency)
        #expect(impacts.minNorm == frontier.pairs.first?.norm)
    }

    @Test(arguments: [UInt64(10), 11, 12])
    func codingRoundTrips(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        var samples = [Impacts(), Impacts(maxFrequency: 1, minNorm: 0), Impacts(maxFrequency: .max, minNorm: .max)]
        for _ in 0..<50 {
            var frontier = ImpactFrontier()
            let pairs = Self.randomPairs(
                Int.random(in: 1...300, using: &random), maxFrequency: 70_000, maxNorm: 70_000,
                seed: UInt64.random(in: 0...1_000_000, using: &random))
            for pair in pairs { frontier.add(pair) }
            samples.append(frontier.impacts)
        }
        for impacts in samples {
            var writer = ByteWriter()
            impacts.encode(into: &writer)
            writer.appendVarint(UInt64(99))
            writer.bytes.withUnsafeBytes { bytes in
                var reader = ByteReader(bytes, file: "test")
                #expect(Impacts { try? reader.varint() } == impacts)
                #expect((try? reader.varint()) == 99, "decoding consumed exactly the encoded bytes")
            }
        }
    }

    @Test func damagedCountIsRejected() {
        var values: [UInt64] = [9, 1]
        #expect(Impacts { values.isEmpty ? nil : values.removeFirst() } == nil)
        values = [3 << 4 | 2, 5]
        #expect(Impacts { values.isEmpty ? nil : values.removeFirst() } == nil)
    }
}
