#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decides which segments to merge so their number stays logarithmic in the index size.
///
/// Tiered by size: a segment's tier is ⌊log_factor(live passages)⌋; when a tier holds
/// `factor` segments they merge into one of the next tier. A segment more than half deleted
/// is rewritten on its own to reclaim space. With factor 10, a million passages flushed
/// 1,000 at a time end up in at most about 9 × 4 segments.
public struct MergePolicy: Sendable {
    public var factor: Int

    public init(factor: Int = 10) {
        self.factor = max(factor, 2)
    }

    func tier(_ segment: SegmentInfo) -> Int {
        segment.liveCount <= 1 ? 0 : Int(log(Double(segment.liveCount)) / log(Double(factor)))
    }

    /// Groups of segment names to merge now (each group becomes one segment).
    func merges(_ segments: [SegmentInfo]) -> [[String]] {
        var groups: [[String]] = []
        var byTier: [Int: [SegmentInfo]] = [:]
        for segment in segments where segment.liveCount > 0 {
            if segment.deletedCount * 2 > segment.passageCount {
                groups.append([segment.name])
            } else {
                byTier[tier(segment), default: []].append(segment)
            }
        }
        for tier in byTier.keys.sorted() where byTier[tier]!.count >= factor {
            groups.append(byTier[tier]!.map(\.name))
        }
        return groups
    }
}
