/// The byte form of `Impacts`, shared by skip entries and term dictionary entries.
///
/// ```
///  varint (f₀ << 4 | count)                count ≤ 8; nothing follows when 0
///  varint n₀
///  per further pair i: varint (fᵢ − fᵢ₋₁ − 1) │ varint (nᵢ − nᵢ₋₁ − 1)
/// ```
/// A block whose postings all have frequency ≤ 7 and one pair (the common case) costs
/// two bytes for a short field, as the former (max frequency, min norm) pair did.
extension Impacts {
    func encode(into writer: inout ByteWriter) {
        guard let first else {
            writer.appendVarint(UInt64(0))
            return
        }
        writer.appendVarint(UInt64(first.frequency) << 4 | UInt64(count))
        writer.appendVarint(first.norm)
        for i in 1..<count {
            writer.appendVarint(self[i].frequency - self[i - 1].frequency - 1)
            writer.appendVarint(self[i].norm - self[i - 1].norm - 1)
        }
    }

    /// Decodes pairs from `nextVarint`; `nil` when it runs out or the count is impossible
    /// (a damaged file). Damaged values decode to wrong but harmless numbers: they can
    /// only loosen or tighten a bound, never read out of bounds.
    @inline(__always)
    init?(decoding nextVarint: () -> UInt64?) {
        self.init()
        guard let header = nextVarint() else { return nil }
        let total = Int(header & 0xF)
        guard total <= Self.capacity else { return nil }
        guard total > 0 else { return }
        guard let norm = nextVarint() else { return nil }
        var previous = Impact(
            frequency: UInt32(truncatingIfNeeded: header >> 4), norm: UInt32(truncatingIfNeeded: norm))
        append(previous)
        for _ in 1..<total {
            guard let frequencyDelta = nextVarint(), let normDelta = nextVarint() else { return nil }
            previous = Impact(
                frequency: previous.frequency &+ UInt32(truncatingIfNeeded: frequencyDelta) &+ 1,
                norm: previous.norm &+ UInt32(truncatingIfNeeded: normDelta) &+ 1)
            append(previous)
        }
    }

    /// `skip` for a caller that reads within `limit` without a bound check per byte (a skip
    /// list walked entry by entry): the pairs' varints are bounded once, then passed eight
    /// bytes at a time. `false` past `limit` or with an impossible count.
    @inline(__always)
    static func skipUnchecked(_ base: UnsafeRawPointer, _ offset: inout Int, limit: Int) -> Bool {
        guard offset &+ 10 <= limit, let header = Varint.readUnchecked(base, &offset) else { return false }
        let total = Int(truncatingIfNeeded: header & 0xF)
        guard total <= capacity else { return false }
        guard total > 0 else { return true }
        // 2·total − 1 varints follow, bounded once for all of them.
        guard offset &+ 20 &* total <= limit else { return false }
        return Varint.skipUnchecked(2 &* total &- 1, base, &offset)
    }

    /// Moves `offset` past one encoded set of pairs without building it; `false` when the
    /// bytes run past `limit` or the count is impossible (a damaged file).
    @inline(__always)
    static func skip(_ base: UnsafeRawPointer, _ offset: inout Int, limit: Int) -> Bool {
        guard let header = Varint.read(base, &offset, limit: limit) else { return false }
        let total = Int(header & 0xF)
        guard total <= capacity else { return false }
        if total > 0 {
            for _ in 0..<(2 * total - 1) where !Varint.skip(base, &offset, limit: limit) { return false }
        }
        return true
    }
}
