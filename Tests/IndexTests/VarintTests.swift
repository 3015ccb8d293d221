@testable import Index
import TestSupport
import Testing

@Suite struct VarintTests {
    /// Varints of every length from one to eleven bytes (eleven is malformed), mostly short
    /// as in skip entries, followed by ten bytes of padding so unchecked reads stay in bounds.
    static func bytes(seed: UInt64) -> (bytes: [UInt8], ends: [Int]) {
        var random = SeededGenerator(seed: seed)
        var bytes: [UInt8] = []
        var ends: [Int] = []
        for _ in 0..<400 {
            let length = Int.random(in: 0..<6, using: &random) < 4 ? Int.random(in: 1...2, using: &random)
                : Int.random(in: 1...11, using: &random)
            for _ in 1..<length { bytes.append(UInt8.random(in: 0x80...0xFF, using: &random)) }
            bytes.append(UInt8.random(in: 0...0x7F, using: &random))
            ends.append(bytes.count)
        }
        return (bytes + [UInt8](repeating: 0, count: 10), ends)
    }

    /// The unchecked reads agree with the checked ones (the reference) on every varint.
    @Test func uncheckedReadsMatchChecked() {
        let (bytes, ends) = Self.bytes(seed: 41)
        bytes.withUnsafeBytes { buffer in
            let base = buffer.baseAddress!
            var start = 0
            for end in ends {
                var checked = start, unchecked = start
                #expect(Varint.readUnchecked(base, &unchecked) == Varint.read(base, &checked, limit: buffer.count))
                checked = start
                unchecked = start
                #expect(Varint.skipUnchecked(base, &unchecked) == Varint.skip(base, &checked, limit: buffer.count))
                start = end
            }
        }
    }

    /// Passing `count` varints a word at a time ends where `count` single skips end, and
    /// fails exactly when one of them does (a varint longer than ten bytes).
    @Test func skippingManyMatchesSkippingOneByOne() {
        let (bytes, ends) = Self.bytes(seed: 43)
        var random = SeededGenerator(seed: 47)
        bytes.withUnsafeBytes { buffer in
            let base = buffer.baseAddress!
            for _ in 0..<500 {
                let first = Int.random(in: 0..<ends.count, using: &random)
                let count = Int.random(in: 1...min(15, ends.count - first), using: &random)
                let start = first == 0 ? 0 : ends[first - 1]
                var single = start
                var intact = true
                for _ in 0..<count where intact { intact = Varint.skip(base, &single, limit: buffer.count) }
                var many = start
                #expect(Varint.skipUnchecked(count, base, &many) == intact)
                if intact { #expect(many == single) }
            }
        }
    }
}
