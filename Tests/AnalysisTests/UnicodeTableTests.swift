@testable import Analysis
import Testing

/// The generated tables, checked scalar by scalar.
struct UnicodeTableTests {
    let table = UnicodeTable.shared

    /// The folded form of every foldable BMP letter or digit analyses to itself: folding is
    /// idempotent, so a query typed in folded form finds the original.
    @Test func foldingIsIdempotent() {
        let analyzer = Analyzer(stemming: false)
        var failures: [String] = []
        for value in UInt32(0x80)..<0x10000 {
            let entry = table.entry(value)
            let cls = UnicodeTable.cls(entry)
            guard cls == .letter || cls == .digit, entry & UnicodeTable.foldFlag != 0,
                  let scalar = Unicode.Scalar(value) else { continue }
            let folded = String(decoding: table.fold(entry), as: UTF8.self)
            let once = analyzer.terms(String(Character(scalar)))
            let twice = analyzer.terms(folded)
            if once != [folded] || twice != [folded] {
                failures.append("U+\(String(value, radix: 16)): \(once) \(twice) ≠ \(folded)")
            }
        }
        #expect(failures.isEmpty, "\(failures.count): \(failures.prefix(20))")
    }

    @Test(arguments: [
        (UInt32(0x41), UnicodeTable.Class.letter), (0x2E, .dot), (0x2D, .hyphen), (0x5F, .hyphen), (0x27, .apostrophe),
        (0x2019, .apostrophe), (0x2010, .hyphen), (0x00AD, .ignorable), (0x200D, .ignorable), (0x0301, .mark),
        (0x0660, .digit), (0x4E2D, .cjk), (0x30AB, .cjk), (0xAC00, .cjk), (0x20000, .cjk), (0x1F600, .separator),
        (0x2014, .separator), (0x1D400, .letter), (0x10FFFF, .separator),
    ])
    func classes(scalar: UInt32, expected: UnicodeTable.Class) {
        #expect(UnicodeTable.cls(table.entry(scalar)) == expected)
    }

    /// `cls` bit-casts the entry's low four bits: every value reads as `Class(rawValue:)`
    /// would, and values no case has as separators.
    @Test func classBitsReadAsTheirRawValue() {
        for bits in UInt32(0)..<16 {
            #expect(UnicodeTable.cls(0xABCD_EF00 | bits) == UnicodeTable.Class(rawValue: UInt8(bits)) ?? .separator)
        }
    }

    /// Folds read from the BMP blocks and from the supplementary list (by bisection).
    @Test(arguments: [
        (UInt32(0xC9), "e"), (0xFF21, "a"), (0x0301, ""), (0x1D400, "a"), (0x1D7CE, "0"), (0x10400, "\u{10428}"),
    ])
    func folds(scalar: UInt32, expected: String) {
        let entry = table.entry(scalar)
        #expect(entry & UnicodeTable.foldFlag != 0)
        #expect(String(decoding: table.fold(entry), as: UTF8.self) == expected)
    }

    /// Scalars without a fold carry no fold flag, on both sides of the BMP.
    @Test(arguments: [UInt32(0x61), 0x4E2D, 0x1F600, 0x10FFFF])
    func unfolded(scalar: UInt32) {
        #expect(table.entry(scalar) & UnicodeTable.foldFlag == 0)
    }
}
