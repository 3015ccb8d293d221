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

    private static func appendQuoted(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
