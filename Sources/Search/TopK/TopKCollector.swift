import Index

/// Keeps the best `k` hits, at most `perDocument` of them from any one document, and
/// tells pruning the score a new hit must beat.
///
/// The kept list is exactly the top k of "every document's best `perDocument` passages":
/// a passage of a document already holding its quota in the list replaces that
/// document's worst kept passage when better, and is refused otherwise. Since a
/// document's quota only ever improves, the k-th kept score only rises, so pruning against
/// it never loses a hit that belongs in the final list. Hits must arrive in ranking-key
/// order (segment, then passage), which makes a tie lose to the hit already kept.
struct TopKCollector {
    let limit: Int
    let perDocument: Int
    /// Best first.
    private(set) var hits: [SearchHit] = []
    /// Passages offered after passing every check (a lower bound on the matches).
    private(set) var offered = 0

    init(limit: Int, perDocument: Int?) {
        self.limit = max(0, limit)
        self.perDocument = max(1, perDocument ?? Int.max)
        hits.reserveCapacity(self.limit + 1)
    }

    /// A hit needs a score above this to be kept (`-infinity` until the list is full).
    var threshold: Double {
        hits.count < limit ? -.infinity : hits[hits.count - 1].score
    }

    /// Whether `bound` (an upper bound on a later hit's score) could still be kept when
    /// hits must beat `threshold`. The margin absorbs rounding differences between a bound
    /// and the score it bounds.
    @inline(__always)
    static func admits(bound: Double, threshold: Double) -> Bool {
        bound * (1 + 1e-9) + 1e-12 > threshold
    }

    /// A score below which a part scoring `score`, with the rest bounded by `rest`, is surely
    /// refused by `admits(bound: score + rest, threshold:)`: the margin is widened by
    /// a millionth of the magnitudes, far beyond the rounding of either side, so a part
    /// can be dropped by one comparison as it is scored. `-infinity` until the list is full.
    @inline(__always)
    static func floor(rest: Double, threshold: Double) -> Double {
        guard threshold > -.infinity else { return -.infinity }
        return (threshold - 1e-12) / (1 + 1e-9) - rest - 1e-6 * (abs(threshold) + abs(rest) + 1e-6)
    }

    /// Whether a hit with this score, arriving after every kept one, would be kept.
    @inline(__always)
    func competes(_ score: Double) -> Bool {
        hits.count < limit || score > hits[hits.count - 1].score
    }

    /// A hit that would not be kept as the list's last is refused first: the document's
    /// quota is then only counted for a hit that will be inserted, whose insertion already
    /// costs a pass over the list. Counting by looking through `hits` costs less than hashing
    /// the document into a dictionary of counts for every hit (which took 3 % of a median
    /// query's time), and a document's worst kept hit is never better than the list's last.
    mutating func offer(_ hit: SearchHit) {
        offered += 1
        guard limit > 0, hits.count < limit || hit.ranks(before: hits[limit - 1]) else { return }
        if perDocument != Int.max, keptCount(of: hit) >= perDocument {
            guard let worst = hits.lastIndex(where: { $0.segment == hit.segment && $0.document == hit.document }),
                hit.ranks(before: hits[worst])
            else { return }
            hits.remove(at: worst)
        } else if hits.count == limit {
            hits.removeLast()
        }
        insert(hit)
    }

    /// How many hits of `hit`'s document the list holds.
    private func keptCount(of hit: SearchHit) -> Int {
        var count = 0
        for kept in hits where kept.document == hit.document && kept.segment == hit.segment { count += 1 }
        return count
    }

    private mutating func insert(_ hit: SearchHit) {
        var low = 0
        var high = hits.count
        while low < high {
            let middle = (low + high) / 2
            if hits[middle].ranks(before: hit) { low = middle + 1 } else { high = middle }
        }
        hits.insert(hit, at: low)
    }
}
