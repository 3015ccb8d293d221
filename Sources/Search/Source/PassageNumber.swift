/// A passage's number inside one segment: dense, from 0, in posting order.
///
/// Not the stable `PassageID` a person pastes: a segment-local ordinal postings are
/// sorted by, cheap to compare and to skip to.
public struct PassageNumber: RawRepresentable, Hashable, Comparable, Sendable {
    public var rawValue: UInt32

    @inlinable
    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    /// Past every passage: where an exhausted cursor stands.
    public static let end = PassageNumber(rawValue: .max)

    /// The next number (saturating at `end`).
    @inlinable
    public var successor: PassageNumber {
        PassageNumber(rawValue: rawValue == .max ? .max : rawValue + 1)
    }

    @inlinable
    public static func < (lhs: PassageNumber, rhs: PassageNumber) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A document's number inside one segment, for the per-document cap and the filters.
public struct DocumentNumber: RawRepresentable, Hashable, Comparable, Sendable {
    public var rawValue: UInt32

    @inlinable
    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    @inlinable
    public static func < (lhs: DocumentNumber, rhs: DocumentNumber) -> Bool { lhs.rawValue < rhs.rawValue }
}
