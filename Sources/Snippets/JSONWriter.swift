/// Writes JSON with keys in the order given, so output is stable and matches the README.
///
/// Foundation's encoder reorders or drops `null` keys; documented schemas need both exact.
/// The text is built as UTF-8 bytes and made a `String` once: appending to a `String` piece
/// by piece validated and copied every piece, which cost more than the search it reported.
public struct JSONWriter: Sendable {
    /// The JSON written so far, as UTF-8 (what a writer to a file or pipe wants: making it a
    /// `String` validates every byte again).
    public private(set) var bytes: [UInt8] = []
    /// Whether the current object or array (or the top level) has a value already, so the
    /// next one needs a comma; `key` clears it for its member's value. A property, not the top
    /// of `enclosing`: every value tests and sets it.
    private var needsComma = false
    /// `needsComma` of each object or array around the current one.
    private var enclosing: [Bool] = []

    public init() {}

    /// The JSON written so far.
    public var output: String { String(decoding: bytes, as: UTF8.self) }

    public mutating func beginObject() { begin("{") }
    public mutating func endObject() { end("}") }
    public mutating func beginArray() { begin("[") }
    public mutating func endArray() { end("]") }

    /// Starts a member of the current object; the next value written is its value. `name`
    /// is one of the caller's own key names, written as is (no escaping needed or done).
    public mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    public mutating func string(_ text: String?) {
        guard var text else { return value("null") }
        separate()
        text.withUTF8 { Self.appendQuoted($0, to: &bytes) }
    }

    /// A string given as its UTF-8 bytes (valid UTF-8, as `Snippet.utf8` is).
    public mutating func string(utf8: [UInt8]) {
        separate()
        utf8.withUnsafeBufferPointer { Self.appendQuoted($0, to: &bytes) }
    }

    public mutating func int(_ number: Int?) {
        guard let number else { return value("null") }
        separate()
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        // Digits written backwards into a stack buffer (20 hold any Int), then appended:
        // `String(number)` built a string per number, and a hit has two.
        var magnitude = number.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// A finite number with up to 6 significant decimals; `null` for NaN or infinity.
    public mutating func double(_ number: Double) {
        guard number.isFinite else { return value("null") }
        var text = String(Float(number))
        if text.hasSuffix(".0") { text.removeLast(2) }
        value(text)
    }

    public mutating func strings(_ list: [String]) {
        beginArray()
        for item in list { string(item) }
        endArray()
    }

    private mutating func value(_ raw: String) {
        separate()
        bytes.append(contentsOf: raw.utf8)
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
    }

    private mutating func begin(_ bracket: Unicode.Scalar) {
        separate()
        bytes.append(UInt8(ascii: bracket))
        enclosing.append(true)
        needsComma = false
    }

    private mutating func end(_ bracket: Unicode.Scalar) {
        needsComma = enclosing.popLast() ?? false
        bytes.append(UInt8(ascii: bracket))
    }

    /// Appends `bytes` (UTF-8) quoted, copying runs of bytes that need no escape in one piece (the
    /// hot path of `--format json` over long passages).
    private static func appendQuoted(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var run = 0, index = 0
        while index < bytes.count {
            // Most text needs nothing: pass it eight bytes at a time.
            if index + 8 <= bytes.count, let base = bytes.baseAddress,
               !Self.mayNeedEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            let byte = bytes[index]
            if byte >= 0x20, byte != 0x22, byte != 0x5C, byte != 0xE2 {
                index += 1
                continue
            }
            let escape: String?
            var width = 1
            switch byte {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0..<0x20: escape = unicodeEscape(UInt32(byte))
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] | 1) == 0xA9:
                escape = unicodeEscape(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029)
                width = 3
            default: escape = nil
            }
            if let escape {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                output.append(contentsOf: escape.utf8)
                run = index + width
            }
            index += width
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<bytes.count]))
        output.append(UInt8(ascii: "\""))
    }

    /// Whether any of the eight bytes in `word` is below 0x20, a quote, a backslash or 0xE2
    /// (the lead byte of U+2028 and U+2029): the classic "has a byte less than / equal to"
    /// bit tests, exact as to whether one exists.
    @inline(__always)
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func has(_ value: UInt8) -> UInt64 {
            let x = word ^ (ones &* UInt64(value))
            return (x &- ones) & ~x & highs
        }
        let below = (word &- ones &* 0x20) & ~word & highs
        return (below | has(0x22) | has(0x5C) | has(0xE2)) != 0
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
