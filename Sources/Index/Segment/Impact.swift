/// One (frequency, field length) pair a block of postings can score with: a posting whose
/// frequency is at most `frequency` and whose field is at least `norm` tokens long scores no
/// more than this pair, since BM25 rises with frequency and falls with length.
public struct Impact: Sendable, Hashable {
    public var frequency: UInt32
    /// The field length (norm) in tokens.
    public var norm: UInt32

    public init(frequency: UInt32, norm: UInt32) {
        self.frequency = frequency
        self.norm = norm
    }

    /// Whether every posting this pair bounds is also bounded by `other`.
    @inlinable
    public func isDominated(by other: Impact) -> Bool {
        other.frequency >= frequency && other.norm <= norm
    }
}
