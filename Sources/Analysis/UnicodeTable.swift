/// Character classes and folds of all scalars, built once from the generated
/// data in `UnicodeTableData.swift`.
///
/// Every BMP scalar (ASCII included) has one packed 32-bit entry, so the tokenizer's slow path costs one
/// array load per character; the rare supplementary scalars (historic scripts, CJK extension
/// B+, mathematical alphanumerics) are looked up by binary search and in a dictionary.
///
/// Entry layout (`UInt32`):
/// ```
///  31                           8 7      5   4    3       0
/// +------------------------------+--------+------+---------+
/// | fold offset into `arena`     | unused | fold | Class   |
/// +------------------------------+--------+------+---------+
/// ```
/// `arena[offset]` holds the folded length in bytes, followed by the folded UTF-8.
///
/// - Warning: `bmp` and `arena` are raw pointers so the tokenizer can read them without
///   `withUnsafeBufferPointer` per character; they are written only in `init` and live as long
///   as the shared instance (the process), hence `@unchecked Sendable`.
final class UnicodeTable: @unchecked Sendable {
    /// How the tokenizer treats a character. Values match `Scripts/analysis_tables.py`.
    enum Class: UInt8, Sendable {
        case separator = 0, letter, digit, mark, cjk, ignorable, apostrophe, hyphen
        /// ASCII `.` only: joins acronyms and decimals.
        case dot
    }

    /// The table shared by every analyzer; built on first use (about 1 ms).
    static let shared = UnicodeTable()

    let bmp: UnsafeMutablePointer<UInt32>
    let arena: UnsafeMutablePointer<UInt8>
    /// For every byte value: `asciiLetter`, `asciiDigit`, or 0 (anything else, all bytes ≥ 0x80).
    let asciiAlphanumerics: UnsafeMutablePointer<UInt8>
    static let asciiLetter: UInt8 = 1
    static let asciiDigit: UInt8 = 2
    /// Every class run (start scalar, class), for scalars beyond the BMP.
    private let runStarts: [UInt32]
    private let runClasses: [UInt8]
    private let supplementaryFolds: [UInt32: UInt32]

    static let foldFlag: UInt32 = 0x10

    private init() {
        var runStarts: [UInt32] = [0]
        var runClasses: [UInt8] = [Class.separator.rawValue]
        for line in Self.classRunData.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count == 2, let start = UInt32(fields[0], radix: 16),
                  let cls = UInt8(fields[1], radix: 16) else { continue }
            runStarts.append(start)
            runClasses.append(cls)
        }
        var bmp = [UInt32](repeating: 0, count: 0x10000)
        var run = 0
        for scalar in 0..<0x10000 {
            while run + 1 < runStarts.count && runStarts[run + 1] <= scalar { run += 1 }
            bmp[scalar] = UInt32(runClasses[run])
        }
        for byte in 0..<0x80 { bmp[byte] = UInt32(Self.asciiClass(UInt8(byte)).rawValue) }
        var arena: [UInt8] = [0]  // offset 0: the empty fold
        var supplementaryFolds: [UInt32: UInt32] = [:]
        for line in Self.foldData.split(separator: "\n") {
            let fields = line.split(separator: " ").compactMap { UInt32($0, radix: 16) }
            guard let scalar = fields.first else { continue }
            var bytes: [UInt8] = []
            for value in fields.dropFirst() {
                guard let folded = Unicode.Scalar(value) else { continue }
                bytes.append(contentsOf: UTF8.encode(folded).map { Array($0) } ?? [])
            }
            let offset: UInt32
            if bytes.isEmpty {
                offset = 0
            } else {
                offset = UInt32(arena.count)
                arena.append(UInt8(bytes.count))
                arena.append(contentsOf: bytes)
            }
            if scalar < 0x10000 {
                bmp[Int(scalar)] |= Self.foldFlag | offset << 8
            } else {
                supplementaryFolds[scalar] = offset
            }
        }
        asciiAlphanumerics = .allocate(capacity: 256)
        for byte in 0..<256 {
            let cls = byte < 0x80 ? Self.asciiClass(UInt8(byte)) : .separator
            asciiAlphanumerics[byte] = cls == .letter ? Self.asciiLetter : cls == .digit ? Self.asciiDigit : 0
        }
        self.bmp = .allocate(capacity: bmp.count)
        self.bmp.initialize(from: bmp, count: bmp.count)
        self.arena = .allocate(capacity: arena.count)
        self.arena.initialize(from: arena, count: arena.count)
        self.runStarts = runStarts
        self.runClasses = runClasses
        self.supplementaryFolds = supplementaryFolds
    }

    /// ASCII classes; ASCII letters fold by `| 0x20`, so they carry no fold entry.
    private static func asciiClass(_ byte: UInt8) -> Class {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): .letter
        case UInt8(ascii: "0")...UInt8(ascii: "9"): .digit
        case UInt8(ascii: "'"): .apostrophe
        case UInt8(ascii: "-"), UInt8(ascii: "_"): .hyphen
        case UInt8(ascii: "."): .dot
        default: .separator
        }
    }

    /// The packed entry of `scalar` (see the type's layout).
    @inline(__always)
    func entry(_ scalar: UInt32) -> UInt32 {
        scalar < 0x10000 ? bmp[Int(scalar)] : supplementaryEntry(scalar)
    }

    private func supplementaryEntry(_ scalar: UInt32) -> UInt32 {
        var low = 0
        var high = runStarts.count
        while high - low > 1 {
            let mid = (low + high) / 2
            if runStarts[mid] <= scalar { low = mid } else { high = mid }
        }
        var entry = UInt32(runClasses[low])
        if let offset = supplementaryFolds[scalar] { entry |= Self.foldFlag | offset << 8 }
        return entry
    }

    /// The class stored in a packed entry.
    @inline(__always)
    static func cls(_ entry: UInt32) -> Class {
        Class(rawValue: UInt8(truncatingIfNeeded: entry & 0xF)) ?? .separator
    }

    /// The folded bytes of a packed entry that has the fold flag (empty for a dropped mark).
    @inline(__always)
    func fold(_ entry: UInt32) -> UnsafeBufferPointer<UInt8> {
        let offset = Int(entry >> 8)
        return UnsafeBufferPointer(start: arena + offset + 1, count: Int(arena[offset]))
    }
}
