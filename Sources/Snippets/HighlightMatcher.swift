import Analysis

/// A `HighlightQuery` made ready to mark many passages: its distinct words numbered, the
/// first bytes a matching token can start with, and what each unit is worth.
///
/// Built once per query, not per hit: the ten hits of a search share it, and each passage is
/// then analysed only where a token could match (see `Analyzer.analyze(_:initials:_:)`). A
/// class, so that handing it to the per-hit closures costs one reference count, not a copy of
/// its arrays.
public final class HighlightMatcher: Sendable {
    public let query: HighlightQuery
    /// The distinct words of the query's terms and phrases.
    let words: [[UInt8]]
    /// Each word packed for `index(of:)`: its first sixteen bytes as two little-endian words
    /// (zero past its end) and its length.
    private let packedWords: [(low: UInt64, high: UInt64, count: Int)]
    /// For each word, the unit of the single-term query it stands for, or -1.
    let termUnit: [Int]
    /// Each phrase as word numbers.
    let phraseWords: [[Int]]
    /// The first bytes of every word and prefix: tokens starting otherwise cannot match.
    let initials: TermInitials
    /// How many query words each unit stands for: 1 for a term or a prefix, n for a phrase of
    /// n words (so a window showing the phrase beats one showing a single loose word).
    let unitWords: [Int]

    public init(_ query: HighlightQuery) {
        self.query = query
        var words: [[UInt8]] = []
        var termUnit: [Int] = []
        func add(_ word: [UInt8]) -> Int {
            if let existing = words.firstIndex(of: word) { return existing }
            words.append(word)
            termUnit.append(-1)
            return words.count - 1
        }
        for (unit, term) in query.terms.enumerated() {
            termUnit[add(term)] = unit
        }
        phraseWords = query.phrases.map { phrase in phrase.map { add($0) } }
        self.words = words
        packedWords = words.map { word in
            word.withUnsafeBufferPointer { bytes in
                let (low, high) = PackedBytes.words(bytes)
                return (low, high, word.count)
            }
        }
        self.termUnit = termUnit
        initials = TermInitials(words + query.prefixes)
        unitWords = Array(repeating: 1, count: query.terms.count + query.prefixes.count) + query.phrases.map(\.count)
    }

    /// Terms first, then prefixes, then phrases.
    var unitCount: Int { unitWords.count }

    /// The unit of the first prefix that `folded` starts with, if any.
    func prefixUnit(of folded: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let prefix = query.prefixes.firstIndex(where: { folded.starts(with: $0) }) else { return nil }
        return query.terms.count + prefix
    }

    /// The number of the word equal to `term`, or -1.
    ///
    /// Called for every admitted token of every hit: a term of up to sixteen bytes (nearly all)
    /// is packed once and compared with each word in three integer comparisons, a longer one
    /// byte by byte.
    func index(of term: UnsafeBufferPointer<UInt8>) -> Int {
        guard term.count <= 16 else {
            return words.firstIndex { word in word.withUnsafeBufferPointer { $0.elementsEqual(term) } } ?? -1
        }
        let (low, high) = PackedBytes.words(term)
        for (index, word) in packedWords.enumerated() where word.low == low && word.high == high && word.count == term.count {
            return index
        }
        return -1
    }
}
