/// The stable identity of a passage: derived from its document's path and its own text,
/// so it survives re-ingesting an unchanged passage and can be pasted into a report.
///
/// Printed as 16 lowercase hexadecimal digits.
public struct PassageID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: UInt64

    public init(rawValue: UInt64) {
        self.rawValue = rawValue
    }

    /// Parses the printed form; `nil` unless it is exactly 16 hexadecimal digits.
    public init?(_ string: some StringProtocol) {
        guard string.utf8.count == 16, let value = UInt64(string, radix: 16) else { return nil }
        rawValue = value
    }

    public var description: String {
        let digits = String(rawValue, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    public static func < (lhs: PassageID, rhs: PassageID) -> Bool { lhs.rawValue < rhs.rawValue }
}
