@testable import Index
import TestSupport
import Testing

@Suite struct XXHash64Tests {
    @Test(arguments: [
        ("", UInt64(0xEF46_DB37_51D8_E999)),
        ("a", 0xD24E_C4F1_A98C_6E5B),
        ("abc", 0x44BC_2CF5_AD77_0999),
    ])
    func matchesReferenceVectors(input: String, expected: UInt64) {
        #expect(XXHash64.hash(Array(input.utf8)) == expected)
    }

    @Test func streamingEqualsOneShot() {
        var random = SeededGenerator(seed: 1)
        let bytes = (0..<1000).map { _ in UInt8.random(in: 0...255, using: &random) }
        for split in [0, 32, 64, 992] {
            var hasher = XXHash64()
            bytes.withUnsafeBytes { raw in
                hasher.update(UnsafeRawBufferPointer(rebasing: raw[0..<split]))
                hasher.update(UnsafeRawBufferPointer(rebasing: raw[split..<992]))
            }
            let streamed = bytes.withUnsafeBytes { hasher.finalize(UnsafeRawBufferPointer(rebasing: $0[992...])) }
            #expect(streamed == XXHash64.hash(bytes))
        }
    }
}
