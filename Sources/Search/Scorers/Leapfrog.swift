import Index

/// The first passage at or after `target` that all of `count` iterators stand on, moving
/// them round-robin to the furthest position any of them reached (a leapfrog join).
///
/// - Parameter advance: moves iterator `index` to its first passage at or after the given one.
@inline(__always)
func leapfrog(
    count: Int, from target: PassageNumber, advance: (_ index: Int, _ target: PassageNumber) -> PassageNumber
) -> PassageNumber {
    var candidate = target
    var agreed = 0
    var index = 0
    while agreed < count {
        let reached = advance(index, candidate)
        if reached == .end { return .end }
        if reached == candidate {
            agreed += 1
        } else {
            candidate = reached
            agreed = 1
        }
        index = index + 1 == count ? 0 : index + 1
    }
    return candidate
}
