/// Writes JSON with keys in the order given, so output is stable and matches the README.
///
/// Foundation's encoder reorders or drops `null` keys; documented schemas need both exact.
public struct JSONWriter: Sendable {
    public private(set) var output = ""
    private var needsComma: [Bool] = [false]

    public init() {}

    public mutating func beginObject() { value("{"); needsComma.append(false) }
    public mutating func endObject() { needsComma.removeLast(); output += "}" }
    public mutating func beginArray() { value("["); needsComma.append(false) }
    public mutating func endArray() { needsComma.removeLast(); output += "]" }

    /// Starts a member of the current object; the next value written is its value.
    public mutating func key(_ name: String) {
        separate()
        Self.appendQuoted(name, to: &output)
        output += ":"
        needsComma[needsComma.count - 1] = false
        skipSeparator = true
    }

    public mutating func string(_ text: String?) {
        guard let text else { return value("null") }
        separate()
        Self.appendQuoted(text, to: &output)
    }

    public mutating func int(_ number: Int?) { value(number.map(String.init) ?? "null") }

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

    private var skipSeparator = false

    private mutating func value(_ raw: String) {
        separate()
        output += raw
    }

    private mutating func separate() {
        if skipSeparator {
            skipSeparator = false
        } else if needsComma[needsComma.count - 1] {
            output += ","
        }
        needsComma[needsComma.count - 1] = true
    }

    /// Appends `text` quoted, copying runs of bytes that need no escape in one piece (the
    /// hot path of `--format json` over long passages).
    private static func appendQuoted(_ text: String, to output: inout String) {
        output += "\""
        var text = text
        text.withUTF8 { bytes in
            var run = 0, index = 0
            func flush(until end: Int) {
                if end > run { output += String(decoding: UnsafeBufferPointer(rebasing: bytes[run..<end]), as: UTF8.self) }
            }
            while index < bytes.count {
                let byte = bytes[index]
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
                    flush(until: index)
                    output += escape
                    run = index + width
                }
                index += width
            }
            flush(until: bytes.count)
        }
        output += "\""
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
