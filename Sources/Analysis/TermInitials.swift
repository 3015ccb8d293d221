/// The first one or two bytes of a few terms: which tokens a caller looking for those terms
/// needs to see at all.
///
/// Porter2 keeps a word's first two bytes whenever its stem has two or more, except `?ying` →
/// `?ie` (`dying` → `die`): its suffix rules never reach the first two letters (R1 starts at
/// the third letter at the earliest, and step 1 keeps a stem that holds a vowel), nor do its
/// special words. The test suite checks this on every vocabulary word and every word of up to
/// four letters. Folding maps an ASCII letter to its lowercase. So a token can only stem to one
/// of the terms, or start with one of them used as a prefix, when its folded form starts with
/// the same two bytes (or `y` for a term's second `i`; one byte for a one-byte term).
/// `Analyzer.analyze(_:initials:_:)` uses this to skip most of a passage before folding or
/// stemming it: highlighting a query in a hit needs only the few words that could match.
///
/// Layout: three 256-bit sets. `firsts` holds first bytes; `open` the first bytes of one-byte
/// terms (any second byte goes); `pairs` first and second bytes hashed to `(first & 7) << 5 |
/// second & 31` (exact on the second letter; a collision only lets an extra token through to
/// the exact comparison).
public struct TermInitials: Sendable, Equatable {
    private var firsts = ByteSet()
    private var open = ByteSet()
    private var pairs = ByteSet()

    /// The empty set: a filtered analysis reports nothing.
    public init() {}

    /// The first two bytes of `terms` (the first byte of one-byte terms; empty terms are
    /// ignored). Arrays rather than any collection: a generic initialiser is called unspecialised
    /// from other modules, and cost 6 K instructions a query.
    public init(_ terms: [[UInt8]]) {
        for term in terms {
            guard let first = term.first else { continue }
            firsts.insert(first)
            if term.count >= 2 {
                let second = term[1]
                pairs.insert(Self.pair(first, second))
                if second == UInt8(ascii: "i") { pairs.insert(Self.pair(first, UInt8(ascii: "y"))) }
            } else {
                open.insert(first)
            }
        }
    }

    /// Whether some term starts with `byte`.
    @inline(__always)
    public func contains(_ byte: UInt8) -> Bool { firsts.contains(byte) }

    /// Whether a term starting with `first` then `second` may be one of the terms (or start
    /// with one of them); false only when none can.
    @inline(__always)
    public func admits(_ first: UInt8, _ second: UInt8) -> Bool {
        firsts.contains(first) && (open.contains(first) || pairs.contains(Self.pair(first, second)))
    }

    /// Whether `term` may be one of the terms, or start with one (an empty term is not).
    @inline(__always)
    public func admits(_ term: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = term.first else { return false }
        return term.count == 1 ? open.contains(first) : admits(first, term[1])
    }

    /// The ASCII first bytes packed one per byte from the lowest, and how many there are
    /// (only the first eight are packed): for scans that compare eight text bytes with each.
    var asciiFirsts: (packed: UInt64, count: Int) {
        var packed: UInt64 = 0
        var count = 0
        func add(_ word: UInt64, from base: Int) {
            var bits = word
            while bits != 0 {
                if count < 8 { packed |= UInt64(base + bits.trailingZeroBitCount) << UInt64(8 * count) }
                count += 1
                bits &= bits &- 1
            }
        }
        add(firsts.low, from: 0)
        add(firsts.high, from: 64)
        return (packed, count)
    }

    @inline(__always)
    private static func pair(_ first: UInt8, _ second: UInt8) -> UInt8 { (first & 7) << 5 | second & 31 }
}

/// A set of bytes as four 64-bit words.
private struct ByteSet: Sendable, Equatable {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    mutating func insert(_ byte: UInt8) {
        let bit = UInt64(1) << (byte & 63)
        switch byte >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
    }

    @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        let word: UInt64
        switch byte >> 6 {
        case 0: word = words.0
        case 1: word = words.1
        case 2: word = words.2
        default: word = words.3
        }
        return word >> (byte & 63) & 1 != 0
    }

    /// Bytes 0–63 and 64–127.
    var low: UInt64 { words.0 }
    var high: UInt64 { words.1 }

    static func == (lhs: ByteSet, rhs: ByteSet) -> Bool { lhs.words == rhs.words }
}
