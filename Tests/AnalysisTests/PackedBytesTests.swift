import Analysis
import TestSupport
import Testing

/// The overlapping loads pack exactly the bytes a byte-by-byte loop packs, at every length.
@Suite struct PackedBytesTests {
    /// Byte `i < min(count, 16)` at bits `8 * (i % 8)` of word `i / 8`.
    static func reference(_ bytes: [UInt8], count: Int) -> (UInt64, UInt64) {
        var words: (UInt64, UInt64) = (0, 0)
        for index in 0..<min(count, 16) {
            let value = UInt64(bytes[index]) << UInt64(8 * (index % 8))
            if index < 8 { words.0 |= value } else { words.1 |= value }
        }
        return words
    }

    @Test func everyLengthMatchesTheByteLoop() {
        var random = SeededGenerator(seed: 37)
        for _ in 0..<200 {
            let bytes = (0..<20).map { _ in UInt8.random(in: 0...255, using: &random) }
            for count in 0...20 {
                // Exactly `count` bytes allocated, so a read past them would be caught by sanitizers.
                let copy = UnsafeMutablePointer<UInt8>.allocate(capacity: max(count, 1))
                defer { copy.deallocate() }
                copy.initialize(from: bytes, count: count)
                let packed = PackedBytes.words(UnsafePointer(copy), count: count)
                let expected = Self.reference(bytes, count: count)
                #expect(packed.0 == expected.0 && packed.1 == expected.1, "count \(count)")
            }
        }
    }
}
