@testable import Index
import TestSupport
import Testing

/// The search from a guess gives what a scan of the whole table gives, wherever the guess is.
@Suite struct SortedSearchTests {
    /// The last index whose key is at most `value` (0 if none), by looking at every key.
    static func scan(_ keys: [Int], _ value: Int) -> Int {
        keys.lastIndex { $0 <= value } ?? 0
    }

    @Test func everyValueFromEveryGuessMatchesAScan() {
        var random = SeededGenerator(seed: 29)
        for size in [1, 2, 3, 5, 17, 64, 200] {
            // Rising keys with repeats (empty blocks, documents without passages) and gaps.
            var keys: [Int] = []
            var key = Int.random(in: 0...2, using: &random)
            for _ in 0..<size {
                keys.append(key)
                key += [0, 0, 1, 1, 2, 7, 40].randomElement(using: &random) ?? 1
            }
            for value in -1...(key + 2) {
                let expected = Self.scan(keys, value)
                for guess in [-5, 0, size / 2, size - 1, size + 3, Int.random(in: 0..<size, using: &random)] {
                    let found = SortedSearch.lastIndex(atMost: value, count: size, guess: guess) { keys[$0] }
                    #expect(found == expected, "keys \(keys), value \(value), guess \(guess)")
                }
            }
        }
    }

    @Test func proportionalGuessStaysInTheTable() {
        #expect(SortedSearch.proportionalGuess(0, of: 100, over: 7) == 0)
        #expect(SortedSearch.proportionalGuess(99, of: 100, over: 7) == 6)
        #expect(SortedSearch.proportionalGuess(50, of: 100, over: 10) == 5)
        #expect(SortedSearch.proportionalGuess(5, of: 0, over: 10) == 0)
    }
}
