import Index

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Scratch for scoring a run of passages clause by clause: each essential clause walks its
/// own postings through the run and leaves its scores here, and the candidates are then
/// visited in passage order (Lucene's `MaxScoreBulkScorer` works the same way).
///
/// Taking one clause at a time replaces the per-candidate merge of every clause's cursor
/// (find the lowest, score those standing on it, move them on) with a loop over one list.
/// Each clause's score is kept per passage, so a surviving candidate's total is still added
/// in query order, bit-identical to exhaustive evaluation. Raw buffers, freed by
/// `deallocate()`: written for every posting on the hot path.
struct ScoreWindow {
    /// Passages per window at most; windows are usually shorter, ending where a clause's
    /// block does (so that the block bounds hold throughout).
    static let width = 2048

    /// Which offsets in the window some clause matched.
    private let words: UnsafeMutablePointer<UInt64>
    /// Per offset, the matched clauses' scores added up (in clause order).
    private let sums: UnsafeMutablePointer<Double>
    /// Per offset, a row of one score per clause, valid where the row's stamp for the
    /// clause is the passage itself: stamps are never reset, since passages never repeat.
    private let rows: UnsafeMutablePointer<Double>
    private let stamps: UnsafeMutablePointer<PassageNumber>
    let clauses: Int
    /// One clause's fields at a time (BM25F adds a term's fields before saturating): the
    /// offsets some field matched, and the fields' w_f · tf / B_f added up per offset.
    private let fieldWords: UnsafeMutablePointer<UInt64>
    private let frequencies: UnsafeMutablePointer<Double>

    /// Zeroed with `memset`: Swift's `initialize(repeating:)` is an element loop, which
    /// cost a five-word query more than scoring its first window.
    init(clauses: Int) {
        self.clauses = clauses
        words = .allocate(capacity: Self.width / 64)
        memset(words, 0, Self.width / 64 * MemoryLayout<UInt64>.stride)
        sums = .allocate(capacity: Self.width)
        memset(sums, 0, Self.width * MemoryLayout<Double>.stride)
        fieldWords = .allocate(capacity: Self.width / 64)
        memset(fieldWords, 0, Self.width / 64 * MemoryLayout<UInt64>.stride)
        frequencies = .allocate(capacity: Self.width)
        memset(frequencies, 0, Self.width * MemoryLayout<Double>.stride)
        rows = .allocate(capacity: Self.width * clauses)
        stamps = .allocate(capacity: Self.width * clauses)
        // All bits set: `PassageNumber.end`, which no candidate is.
        memset(stamps, 0xFF, Self.width * clauses * MemoryLayout<PassageNumber>.stride)
    }

    func deallocate() {
        words.deallocate()
        sums.deallocate()
        rows.deallocate()
        stamps.deallocate()
        fieldWords.deallocate()
        frequencies.deallocate()
    }

    /// The score `clause` left at `offset` for `passage`, or nil if it did not match there.
    @inline(__always)
    func score(clause: Int, offset: Int, passage: PassageNumber) -> Double? {
        let slot = offset &* clauses &+ clause
        return stamps[slot] == passage ? rows[slot] : nil
    }

    /// Records that `clause` scores `score` at `passage`, `offset` into the window.
    @inline(__always)
    func add(clause: Int, offset: Int, passage: PassageNumber, score: Double) {
        words[offset &>> 6] |= 1 &<< UInt64(offset & 63)
        sums[offset] += score
        let slot = offset &* clauses &+ clause
        rows[slot] = score
        stamps[slot] = passage
    }

    /// Adds one field's normalised frequency at `offset` for the clause being scored.
    @inline(__always)
    func addFrequency(offset: Int, _ frequency: Double) {
        fieldWords[offset &>> 6] |= 1 &<< UInt64(offset & 63)
        frequencies[offset] += frequency
    }

    /// Visits the offsets below `count` some field of the clause matched, in increasing
    /// order, with their added frequencies, and clears them.
    @inline(__always)
    func drainFrequencies(count: Int, _ visit: (_ offset: Int, _ frequency: Double) -> Void) {
        Self.drain(fieldWords, frequencies, count: count, visit)
    }

    /// Visits the offsets below `count` some clause matched, in increasing order, with the
    /// sum of their scores, and leaves the window empty for the next run.
    @inline(__always)
    func drain(count: Int, _ visit: (_ offset: Int, _ sum: Double) -> Void) {
        Self.drain(words, sums, count: count, visit)
    }

    @inline(__always)
    private static func drain(
        _ words: UnsafeMutablePointer<UInt64>, _ values: UnsafeMutablePointer<Double>, count: Int,
        _ visit: (_ offset: Int, _ value: Double) -> Void
    ) {
        for word in 0..<(count + 63) / 64 {
            var bits = words[word]
            words[word] = 0
            while bits != 0 {
                let offset = word &* 64 &+ bits.trailingZeroBitCount
                bits &= bits &- 1
                let value = values[offset]
                values[offset] = 0
                visit(offset, value)
            }
        }
    }
}
