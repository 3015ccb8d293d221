/// The competitive (frequency, norm) pairs of a block of postings or of a whole posting
/// list, as stored in skip entries and the term dictionary (Lucene calls them impacts).
///
/// Every posting is dominated by one of the pairs (its frequency is at most the pair's and
/// its field at least as long), so the highest score over the pairs bounds every score in
/// the block. That is far tighter than pairing the block's highest frequency with its
/// shortest field, which usually belong to different passages.
///
/// At most `capacity` pairs, held inline (a cursor copies them per block without
/// allocating). Sorted by frequency ascending; norms ascend strictly with them.
public struct Impacts: Sendable, RandomAccessCollection {
    /// The most pairs kept; a wider frontier is merged down (see `init(frontier:)`).
    @inlinable
    public static var capacity: Int { 8 }

    @usableFromInline var storage = InlineArray<8, Impact>(repeating: Impact(frequency: 0, norm: 0))
    @usableFromInline var stored: UInt8 = 0

    /// No pairs: a list with no postings (bounds nothing above zero).
    public init() {}

    /// A single pair: the loose bound of a block known only by its highest frequency and
    /// its shortest field.
    public init(maxFrequency: UInt32, minNorm: UInt32) {
        append(Impact(frequency: maxFrequency, norm: minNorm))
    }

    /// Caps a frontier (sorted by frequency, norms ascending) to `capacity` pairs.
    ///
    /// While there are too many, the two neighbours whose norms are closest in ratio —
    /// `(n₂ + 1) / (n₁ + 1)` smallest — are replaced by the synthetic pair (f₂, n₁), which
    /// dominates both, so the result is still an upper bound; it only loosens pair 2's
    /// length, by the least factor available. The result stays sorted and strictly
    /// ascending in both coordinates.
    public init(frontier: [Impact]) {
        var pairs = frontier
        while pairs.count > Self.capacity {
            var best = 0
            for i in 1..<(pairs.count - 1)
            where Self.normRatio(pairs[i], pairs[i + 1]) < Self.normRatio(pairs[best], pairs[best + 1]) {
                best = i
            }
            pairs[best] = Impact(frequency: pairs[best + 1].frequency, norm: pairs[best].norm)
            pairs.remove(at: best + 1)
        }
        for impact in pairs { append(impact) }
    }

    private static func normRatio(_ lower: Impact, _ upper: Impact) -> Double {
        (Double(upper.norm) + 1) / (Double(lower.norm) + 1)
    }

    @usableFromInline
    mutating func append(_ impact: Impact) {
        storage[Int(stored)] = impact
        stored += 1
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { Int(stored) }

    @inlinable
    public subscript(position: Int) -> Impact { storage[position] }

    /// The highest frequency of any posting (0 when empty).
    @inlinable
    public var maxFrequency: UInt32 { stored == 0 ? 0 : storage[Int(stored) - 1].frequency }

    /// The shortest field of any posting (`UInt32.max` when empty).
    @inlinable
    public var minNorm: UInt32 { stored == 0 ? .max : storage[0].norm }
}

extension Impacts: Equatable {
    public static func == (lhs: Impacts, rhs: Impacts) -> Bool {
        lhs.elementsEqual(rhs)
    }
}

extension Impacts: CustomStringConvertible {
    public var description: String {
        "[" + map { "(\($0.frequency), \($0.norm))" }.joined(separator: ", ") + "]"
    }
}
