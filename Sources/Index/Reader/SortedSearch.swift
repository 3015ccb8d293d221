/// Searches of a sorted table read in place (a record store's block index, the documents'
/// first passages) that start from a guess.
enum SortedSearch {
    /// The last index in `0..<count` whose key is at most `value`, or 0 if there is none (the
    /// caller checks the entry it gets), for keys that rise with the index.
    ///
    /// Starts at `guess` (clamped into the table) and gallops away from it, one, two, four…
    /// entries, until the answer is bracketed, then bisects the bracket. Why: these tables are
    /// read for each hit with cold caches, and their entries are spread about evenly, so a
    /// guess from proportions lands a few entries from the answer: the search reads one or
    /// two cache lines around it instead of a dozen entries all over the table, each a miss.
    /// Never worse than twice a plain bisection when the guess is far off.
    /// - Precondition: `count > 0`.
    @inline(__always)
    static func lastIndex(atMost value: Int, count: Int, guess: Int, key: (Int) -> Int) -> Int {
        var low = 0, high = count - 1
        let start = max(0, min(high, guess))
        var step = 1
        if key(start) <= value {
            low = start
            while low + step <= high, key(low + step) <= value {
                low += step
                step <<= 1
            }
            high = min(high, low + step - 1)
        } else {
            high = start - 1
            while high - step + 1 > 0 {
                let candidate = high - step + 1
                if key(candidate) <= value {
                    low = candidate
                    break
                }
                high = candidate - 1
                step <<= 1
            }
        }
        while low < high {
            let middle = (low + high + 1) / 2
            if key(middle) <= value { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// Where `value` would lie among `total` values spread evenly over `count` entries.
    @inline(__always)
    static func proportionalGuess(_ value: Int, of total: Int, over count: Int) -> Int {
        guard total > 0, value > 0 else { return 0 }
        return Int(UInt64(value) * UInt64(count) / UInt64(total))
    }
}
