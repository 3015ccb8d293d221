/// A set of first bytes of terms: which tokens a caller looking for a few known terms needs.
///
/// Porter2 never changes a word's first byte (the test suite checks it on the whole reference
/// vocabulary), and folding maps an ASCII letter to its lowercase, so a token can only stem to
/// one of a query's terms, or start with one of its prefixes, when its folded form starts with
/// one of their first bytes. `Analyzer.analyze(_:initials:_:)` uses this to skip most of a
/// passage before folding or stemming it: highlighting a query in a hit needs only the few
/// words that could match.
///
/// Layout: a 256-bit set, bit `b % 64` of `words[b / 64]` for byte `b`.
public struct TermInitials: Sendable, Equatable {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    /// The empty set: a filtered analysis reports nothing.
    public init() {}

    /// The first bytes of `terms` (empty terms are ignored).
    public init<Terms: Sequence>(_ terms: Terms) where Terms.Element: Collection<UInt8> {
        for term in terms {
            if let first = term.first { insert(first) }
        }
    }

    public mutating func insert(_ byte: UInt8) {
        let bit = UInt64(1) << (byte & 63)
        switch byte >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
    }

    @inline(__always)
    public func contains(_ byte: UInt8) -> Bool {
        let word: UInt64
        switch byte >> 6 {
        case 0: word = words.0
        case 1: word = words.1
        case 2: word = words.2
        default: word = words.3
        }
        return word >> (byte & 63) & 1 != 0
    }

    /// Whether `term` starts with one of the bytes (an empty term does not).
    @inline(__always)
    public func admits(_ term: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = term.first else { return false }
        return contains(first)
    }

    public var isEmpty: Bool { words == (0, 0, 0, 0) }

    public static func == (lhs: TermInitials, rhs: TermInitials) -> Bool { lhs.words == rhs.words }

    /// The bits of bytes 0–63 and 64–127, for scans that test ASCII bytes without branching.
    var asciiBits: (low: UInt64, high: UInt64) { (words.0, words.1) }
}
