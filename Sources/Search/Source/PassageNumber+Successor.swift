import Index

extension PassageNumber {
    /// The next number (saturating at `end`): where "strictly after this passage" starts.
    @inlinable
    public var successor: PassageNumber {
        PassageNumber(rawValue: rawValue == .max ? .max : rawValue + 1)
    }
}
