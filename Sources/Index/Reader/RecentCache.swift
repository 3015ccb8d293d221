import Synchronization

/// The last few values a segment reader computed, shared by the threads reading it: first
/// in, first out, at most `capacity` entries, found by a linear scan.
///
/// Used where a lookup is cheap beside what it saves: decompressed store blocks (the hits
/// of a search sit in a few blocks). Not for dictionary entries: a searcher keeps those for
/// its query, and across a batch's queries a 64-entry cache of them caught about 3% of
/// lookups, saving less than its probes cost.
final class RecentCache<Key: Sendable, Value: Sendable>: Sendable {
    private let capacity: Int
    private let entries = Mutex(Entries())

    private struct Entries {
        var keys: [Key] = []
        var values: [Value] = []
        /// The slot the next stored entry replaces once full.
        var next = 0

        mutating func insert(_ key: Key, _ value: Value, capacity: Int) {
            if keys.count < capacity {
                keys.append(key)
                values.append(value)
            } else {
                keys[next] = key
                values[next] = value
                next = (next + 1) % capacity
            }
        }
    }

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// The value of the first recent key that `matches`, if any.
    func value(where matches: (Key) -> Bool) -> Value? {
        entries.withLock { entries in
            entries.keys.firstIndex(where: matches).map { entries.values[$0] }
        }
    }

    /// Stores `value` in place of the first entry whose key `matches`, if any, else as a new
    /// entry: for a value that grows (a block decoded further), so a stale one is never found first.
    func store(_ key: Key, _ value: Value, replacing matches: (Key) -> Bool) {
        entries.withLock { entries in
            if let slot = entries.keys.firstIndex(where: matches) {
                entries.values[slot] = value
            } else {
                entries.insert(key, value, capacity: capacity)
            }
        }
    }
}
