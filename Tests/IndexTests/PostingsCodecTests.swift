@testable import Index
import TestSupport
import Testing

@Suite struct PostingsCodecTests {
    static func fixture(
        count: Int, maxGap: UInt32, seed: UInt64, maxFrequency: Int = 6, version: UInt32 = IndexFileKind.currentVersion
    ) throws -> PostingsFixture {
        var random = SeededGenerator(seed: seed)
        var postings: [UInt32] = []
        var next: UInt32 = 0
        for _ in 0..<count {
            next += UInt32.random(in: 0...maxGap, using: &random)
            postings.append(next)
            next += 1
        }
        let positions = postings.map { _ in
            var p: UInt32 = UInt32.random(in: 0..<5, using: &random)
            return (0..<Int.random(in: 1...maxFrequency, using: &random)).map { _ in
                defer { p += UInt32.random(in: 1...400, using: &random) }
                return p
            }
        }
        let norms = (0..<min(Int(next), 5000)).map { _ in UInt32.random(in: 1...70_000, using: &random) }
        return try PostingsFixture(postings: postings, positions: positions, norms: norms, passageCount: Int(next), version: version)
    }

    @Test(arguments: [1, 2, 127, 128, 129, 255, 256, 257, 1000])
    func iteratesEveryPostingWithFrequencyAndPositions(count: Int) throws {
        for (maxGap, seed) in [(UInt32(0), UInt64(1)), (3, 2), (3_000_000, 3)] {
            let fixture = try Self.fixture(count: count, maxGap: maxGap, seed: seed)
            var cursor = try fixture.cursor()
            #expect(cursor.documentFrequency == count)
            var seen: [UInt32] = []
            var positions: [UInt32] = []
            var i = 0
            while cursor.passage != .end {
                seen.append(cursor.passage.rawValue)
                #expect(cursor.frequency == fixture.freqs[i])
                if i % 3 == 0 {
                    cursor.positions(into: &positions)
                    #expect(positions == fixture.positions[i])
                }
                cursor.next()
                i += 1
            }
            #expect(seen == fixture.postings)
            #expect(!cursor.isDamaged)
        }
    }

    @Test(arguments: [1, 128, 129, 1000])
    func advanceFindsTheFirstPostingAtOrAfterTheTarget(count: Int) throws {
        let fixture = try Self.fixture(count: count, maxGap: 50, seed: 7)
        var random = SeededGenerator(seed: 11)
        for _ in 0..<20 {
            var cursor = try fixture.cursor()
            var target: UInt32 = 0
            while true {
                target += UInt32.random(in: 0...300, using: &random)
                let expected = fixture.postings.firstIndex { $0 >= target }
                let got = cursor.advance(to: PassageNumber(rawValue: target))
                guard let expected else {
                    #expect(got == .end)
                    break
                }
                #expect(got.rawValue == fixture.postings[expected])
                #expect(cursor.frequency == fixture.freqs[expected])
                var positions: [UInt32] = []
                cursor.positions(into: &positions)
                #expect(positions == fixture.positions[expected])
                target = got.rawValue + 1
            }
        }
    }

    /// Positions asked for in any pattern — the same passage twice, after skipping many
    /// passages, appended after other positions — come back right: the cursor passes over
    /// the entries it decoded last without reading them again, and skips the others by words.
    /// With `defersFrequencies` (a phrase's cursors), a block's frequencies are unpacked
    /// only when positions are read: the positions must be the same.
    @Test(arguments: [(129, 6, false), (1000, 40, false), (129, 6, true), (1000, 40, true)])
    func positionsSurviveAnyPatternOfRequests(count: Int, maxFrequency: Int, deferred: Bool) throws {
        let fixture = try Self.fixture(count: count, maxGap: 4, seed: 17, maxFrequency: maxFrequency)
        var random = SeededGenerator(seed: 19)
        var cursor = try fixture.cursor()
        cursor.defersFrequencies = deferred
        var index = 0
        var positions: [UInt32] = [7, 7]
        while cursor.passage != .end {
            let before = positions
            cursor.positions(appendingTo: &positions)
            #expect(positions == before + fixture.positions[index])
            if Bool.random(using: &random) {
                cursor.positions(into: &positions)
                #expect(positions == fixture.positions[index])
            }
            if positions.count > 64 { positions.removeAll() }
            index += Int.random(in: 1...40, using: &random)
            guard index < fixture.postings.count else { break }
            #expect(cursor.advance(to: PassageNumber(rawValue: fixture.postings[index])).rawValue == fixture.postings[index])
        }
        #expect(!cursor.isDamaged)
    }

    /// A full block's passages are decoded a group of eight at a time, only as far as the
    /// cursor goes: any mix of `next()`, near and far `advance(to:)`, `shallowAdvance(to:)`,
    /// `scan(through:)` and positions must see exactly the reference postings, and
    /// `shallowAdvance(to:)` the right block's bounds (the skip entries passed on the way
    /// have their impacts skipped, not decoded), in the current format and in format 3, whose
    /// skip entries do not give their impacts' length.
    @Test(arguments: [(300, false, 4), (1000, false, 4), (1000, true, 4), (2000, true, 4), (1000, false, 3), (2000, true, 3)])
    func movesInAnyPatternMatchTheReference(count: Int, deferred: Bool, version: UInt32) throws {
        let fixture = try Self.fixture(count: count, maxGap: 9, seed: 23, maxFrequency: 8, version: version)
        let blocks = try fixture.cursor().blockSummaries()
        var random = SeededGenerator(seed: 29)
        for _ in 0..<4 {
            var cursor = try fixture.cursor()
            cursor.defersFrequencies = deferred
            var index = 0
            var positions: [UInt32] = []
            while index < count {
                #expect(cursor.passage.rawValue == fixture.postings[index])
                switch Int.random(in: 0..<6, using: &random) {
                case 0:
                    cursor.next()
                    index += 1
                case 1 where !deferred:
                    let through = index + Int.random(in: 0...20, using: &random)
                    var seen: [UInt32] = []
                    _ = cursor.scan(through: PassageNumber(rawValue: fixture.postings[min(through, count - 1)])) { passage, frequency in
                        #expect(frequency == fixture.freqs[index + seen.count])
                        seen.append(passage.rawValue)
                    }
                    #expect(seen == Array(fixture.postings[index...min(through, count - 1)]))
                    index = through + 1
                case 2:
                    let ahead = index + Int.random(in: 0...300, using: &random)
                    let last = cursor.shallowAdvance(to: PassageNumber(rawValue: fixture.postings[min(ahead, count - 1)]))
                    let block = blocks[min(ahead, count - 1) / 128]
                    #expect(last == block.lastPassage)
                    #expect(cursor.blockImpacts == block.impacts)
                case 3:
                    if Bool.random(using: &random) {
                        cursor.positions(into: &positions)
                    } else {
                        // The phrase matcher's path: counted, then written to raw memory.
                        let count = cursor.countPositions()
                        positions = [UInt32](unsafeUninitializedCapacity: count) { memory, written in
                            written = cursor.positions(writingTo: memory.baseAddress!)
                        }
                        #expect(count == positions.count)
                    }
                    #expect(positions == fixture.positions[index])
                default:
                    let jump = Int.random(in: 0...1, using: &random) == 0 ? 3 : 200
                    let target = fixture.postings[index] + UInt32.random(in: 0...UInt32(jump * 10), using: &random)
                    cursor.advance(to: PassageNumber(rawValue: target))
                    while index < count && fixture.postings[index] < target { index += 1 }
                }
            }
            #expect(cursor.passage == .end)
            #expect(!cursor.isDamaged)
        }
    }

    /// Each block's impacts are its postings' frontier (capped), the term's the whole list's;
    /// frequencies up to 40 make frontiers wider than the cap. Format 3 reads the same.
    @Test(arguments: [(1, 6, 4), (127, 6, 4), (128, 6, 4), (300, 6, 4), (129, 40, 4), (1000, 40, 4), (1000, 40, 3)])
    func impactsAreEachBlocksFrontier(count: Int, maxFrequency: Int, version: UInt32) throws {
        let fixture = try Self.fixture(count: count, maxGap: 20, seed: 5, maxFrequency: maxFrequency, version: version)
        let cursor = try fixture.cursor()
        var whole = ImpactFrontier()
        let expected = stride(from: 0, to: count, by: 128).map { start in
            let range = start..<min(start + 128, count)
            var frontier = ImpactFrontier()
            for i in range { frontier.add(Impact(frequency: fixture.freqs[i], norm: fixture.norm(fixture.postings[i]))) }
            whole.add(frontier)
            return PostingsBlockSummary(
                lastPassage: PassageNumber(rawValue: fixture.postings[range.upperBound - 1]), impacts: frontier.impacts)
        }
        #expect(cursor.blockSummaries() == expected)
        #expect(cursor.impacts == whole.impacts)
        for (summary, start) in zip(cursor.blockSummaries(), stride(from: 0, to: count, by: 128)) {
            for i in start..<min(start + 128, count) {
                let posting = Impact(frequency: fixture.freqs[i], norm: fixture.norm(fixture.postings[i]))
                #expect(summary.impacts.contains { posting.isDominated(by: $0) })
            }
        }
    }

    @Test func shallowAdvanceMovesMetadataWithoutDecoding() throws {
        let fixture = try Self.fixture(count: 1000, maxGap: 10, seed: 9)
        var cursor = try fixture.cursor()
        let target = fixture.postings[700]
        let last = cursor.shallowAdvance(to: PassageNumber(rawValue: target))
        #expect(last.rawValue == fixture.postings[767])
        #expect(cursor.blockLastPassage.rawValue == fixture.postings[767])
        #expect(cursor.passage.rawValue == fixture.postings[0])
        #expect(cursor.advance(to: PassageNumber(rawValue: fixture.postings[10])).rawValue == fixture.postings[10])
        #expect(cursor.advance(to: PassageNumber(rawValue: target)).rawValue == target)
        #expect(cursor.shallowAdvance(to: PassageNumber(rawValue: fixture.postings[999] + 1)) == .end)
    }

    /// Far moves pass many skip entries in `walkMetadata`'s tight loop, which hands over to
    /// `loadNextMetadata` near the skip list's end: from any block to any later one, by
    /// `shallowAdvance(to:)` or `advance(to:)`, the loaded bounds and the passage found must
    /// be those of the reference (every entry read one by one, and the postings); in format 3
    /// too.
    @Test(arguments: [UInt32(4), 3])
    func farMovesMatchTheReference(version: UInt32) throws {
        let fixture = try Self.fixture(count: 6000, maxGap: 30, seed: 31, maxFrequency: 40, version: version)
        let blocks = try fixture.cursor().blockSummaries()
        var random = SeededGenerator(seed: 37)
        for _ in 0..<60 {
            var cursor = try fixture.cursor()
            let from = Int.random(in: 0..<fixture.postings.count, using: &random)
            let to = Int.random(in: from..<fixture.postings.count, using: &random)
            cursor.advance(to: PassageNumber(rawValue: fixture.postings[from]))
            let target = fixture.postings[to] - UInt32.random(in: 0...1, using: &random)
            let last = cursor.shallowAdvance(to: PassageNumber(rawValue: target))
            let block = blocks[fixture.postings.firstIndex { $0 >= target }! / 128]
            #expect(last == block.lastPassage)
            #expect(cursor.blockImpacts == block.impacts)
            #expect(cursor.advance(to: PassageNumber(rawValue: target)).rawValue == fixture.postings.first { $0 >= target })
            #expect(cursor.shallowAdvance(to: PassageNumber(rawValue: fixture.postings.last! + 1)) == .end)
            #expect(!cursor.isDamaged)
        }
    }

    @Test func bitPackingRoundTripsEveryWidth() {
        var random = SeededGenerator(seed: 3)
        for width in 0...32 {
            let values = (0..<128).map { _ in
                width == 0 ? UInt32(0) : UInt32(truncatingIfNeeded: random.next()) >> UInt32(32 - width)
            }
            var out = ByteWriter()
            values.withUnsafeBufferPointer { BitPacking.pack($0, width: width, into: &out) }
            #expect(out.count == 16 * width)
            var decoded = [UInt32](repeating: 1, count: 128)
            out.bytes.withUnsafeBytes { raw in
                decoded.withUnsafeMutableBufferPointer { target in
                    var sink = UnpackedValues(destination: target.baseAddress!)
                    BitPacking.unpack(raw.baseAddress ?? UnsafeRawPointer(bitPattern: 8)!, width: width, into: &sink)
                }
            }
            #expect(decoded == values)
        }
    }
}

/// Stores unpacked values as they are.
private struct UnpackedValues: UnpackSink {
    let destination: UnsafeMutablePointer<UInt32>

    func put(_ value: UInt32, at index: Int) {
        destination[index] = value
    }
}
