/// The Pareto frontier of (frequency, norm) pairs seen so far: the pairs no other pair
/// dominates (one with a frequency at least as high and a field at least as short). Every
/// posting added is dominated by some pair of the frontier, so the frontier bounds every
/// score a monotone ranking function gives them — the exact bound, not the looser
/// (highest frequency, shortest field) corner.
///
/// The writer keeps one per block and one per term; `impacts` caps it for storage.
public struct ImpactFrontier: Sendable {
    /// Sorted by frequency ascending; norms are then strictly ascending too.
    public private(set) var pairs: [Impact] = []

    public init() {}

    /// Adds one posting's pair. O(frontier size), which stays small (at most the number of
    /// distinct frequencies).
    public mutating func add(_ impact: Impact) {
        var index = 0
        while index < pairs.count, pairs[index].frequency < impact.frequency { index += 1 }
        if index < pairs.count, impact.isDominated(by: pairs[index]) { return }
        pairs.removeAll { $0.isDominated(by: impact) }
        index = 0
        while index < pairs.count, pairs[index].frequency < impact.frequency { index += 1 }
        pairs.insert(impact, at: index)
    }

    /// Adds every pair of another frontier (the term's frontier is the union of its blocks').
    public mutating func add(_ other: ImpactFrontier) {
        for impact in other.pairs { add(impact) }
    }

    public mutating func removeAll() {
        pairs.removeAll(keepingCapacity: true)
    }

    /// The frontier capped to `Impacts.capacity` pairs, still an upper bound.
    public var impacts: Impacts { Impacts(frontier: pairs) }
}
