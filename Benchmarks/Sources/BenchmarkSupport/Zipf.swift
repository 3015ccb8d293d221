import TestSupport

/// Word ranks drawn with probability ∝ 1 / rank (Zipf, s = 1), the shape of word frequencies
/// in real text, so posting-list lengths in synthetic corpora look like real ones.
public struct Zipf: Sendable {
    private let cumulative: [Double]

    public init(size: Int) {
        var sum = 0.0
        cumulative = (1...max(1, size)).map { rank in
            sum += 1 / Double(rank)
            return sum
        }
    }

    public var size: Int { cumulative.count }

    /// A rank in `0..<size` (0 is the most frequent). Complexity: O(log size).
    public func sample(using generator: inout SeededGenerator) -> Int {
        let target = Double.random(in: 0..<(cumulative.last ?? 1), using: &generator)
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] < target { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The synthetic word of `rank`: `w` then the rank in base 26 (`wa`, `wb`, … `wba`).
    /// Lowercase letters only, so analysis without stemming leaves it as it is.
    public static func word(_ rank: Int) -> String {
        var value = rank
        var letters = "w"
        repeat {
            letters.append(Character(Unicode.Scalar(UInt8(97 + value % 26))))
            value /= 26
        } while value > 0
        return letters
    }
}
