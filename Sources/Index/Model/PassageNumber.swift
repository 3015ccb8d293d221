/// A passage's number inside one segment (0 ..< passage count), the unit postings list.
///
/// Segment-local and dense, so it indexes norms and deletion bitsets directly; it changes
/// when segments merge. The stable, citable identity is `PassageID`.
public struct PassageNumber: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: UInt32

    @inlinable
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    @inlinable
    public init(_ value: Int) { rawValue = UInt32(value) }

    /// Past the last passage: what an exhausted postings cursor reports. Computed and
    /// inlinable, so other modules' loops compare with a constant (a stored `static let`
    /// is reached through a lazily initialising accessor call on every use).
    @inlinable
    public static var end: PassageNumber { PassageNumber(rawValue: .max) }

    /// The next number (saturating at `end`).
    @inlinable
    public var successor: PassageNumber { PassageNumber(rawValue: rawValue == .max ? .max : rawValue + 1) }

    @inlinable
    public static func < (lhs: PassageNumber, rhs: PassageNumber) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { rawValue == .max ? "end" : String(rawValue) }
}

/// A document's number inside one segment (0 ..< document count).
public struct DocumentNumber: RawRepresentable, Hashable, Comparable, Sendable {
    public var rawValue: UInt32

    @inlinable
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    @inlinable
    public init(_ value: Int) { rawValue = UInt32(value) }

    @inlinable
    public static func < (lhs: DocumentNumber, rhs: DocumentNumber) -> Bool { lhs.rawValue < rhs.rawValue }
}
