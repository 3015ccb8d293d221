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
/// One per `Searcher`, kept across its queries: allocated once, grown for a query with more
/// clauses, and left empty by every window. Allocating and clearing it per query put fresh
/// memory in the way of every multi-word query (the quick set's slowest five-word query,
/// 30 runs: median 0.29 → 0.27 ms once it was kept).
final class ScoreWindow {
    /// Passages per window at most; windows are usually shorter, ending where a clause's
    /// block does (so that the block bounds hold throughout).
    static let width = 2048

    /// Which offsets in the window some clause matched.
    private let words: UnsafeMutablePointer<UInt64>
    /// Per offset, the matched clauses' scores added up (in clause order).
    private let sums: UnsafeMutablePointer<Double>
    /// Per offset, a row of one score per clause, valid where the row's stamp for the
    /// clause is the current window's serial number: stamps are never reset, since serial
    /// numbers never repeat (until they wrap, when the stamps are cleared).
    private var rows: UnsafeMutablePointer<Double>
    private var stamps: UnsafeMutablePointer<UInt32>
    /// The clauses a row holds (the current query's), and how many it has room for.
    private var clauses = 0
    private var capacity: Int
    private var serial: UInt32 = 0
    /// One clause's fields at a time (BM25F adds a term's fields before saturating): the
    /// offsets some field matched, and the fields' w_f · tf / B_f added up per offset.
    private let fieldWords: UnsafeMutablePointer<UInt64>
    private let frequencies: UnsafeMutablePointer<Double>

    /// Zeroed with `memset`: Swift's `initialize(repeating:)` is an element loop.
    init() {
        words = .allocate(capacity: Self.width / 64)
        memset(words, 0, Self.width / 64 * MemoryLayout<UInt64>.stride)
        sums = .allocate(capacity: Self.width)
        memset(sums, 0, Self.width * MemoryLayout<Double>.stride)
        fieldWords = .allocate(capacity: Self.width / 64)
        memset(fieldWords, 0, Self.width / 64 * MemoryLayout<UInt64>.stride)
        frequencies = .allocate(capacity: Self.width)
        memset(frequencies, 0, Self.width * MemoryLayout<Double>.stride)
        // Room for two clauses to begin with (never zero: a zero-capacity allocation need not
        // be one `deallocate` accepts).
        capacity = 2
        rows = .allocate(capacity: Self.width * capacity)
        stamps = .allocate(capacity: Self.width * capacity)
        memset(stamps, 0, Self.width * capacity * MemoryLayout<UInt32>.stride)
    }

    deinit {
        words.deallocate()
        sums.deallocate()
        rows.deallocate()
        stamps.deallocate()
        fieldWords.deallocate()
        frequencies.deallocate()
    }

    /// Rows of `clauses` scores for the next query's windows.
    func prepare(clauses: Int) {
        self.clauses = clauses
        guard clauses > capacity else { return }
        rows.deallocate()
        stamps.deallocate()
        capacity = clauses
        rows = .allocate(capacity: Self.width * clauses)
        stamps = .allocate(capacity: Self.width * clauses)
        memset(stamps, 0, Self.width * clauses * MemoryLayout<UInt32>.stride)
        serial = 0
    }

    /// Starts a window: the rows' earlier scores no longer count.
    func begin() {
        serial &+= 1
        if serial == 0 {
            memset(stamps, 0, Self.width * capacity * MemoryLayout<UInt32>.stride)
            serial = 1
        }
    }

    /// The score `clause` left at `offset` in this window, or nil if it did not match there.
    @inline(__always)
    func score(clause: Int, offset: Int) -> Double? {
        let slot = offset &* clauses &+ clause
        return stamps[slot] == serial ? rows[slot] : nil
    }

    /// Records that `clause` scores `score` at `offset` into the window.
    @inline(__always)
    func add(clause: Int, offset: Int, score: Double) {
        words[offset &>> 6] |= 1 &<< UInt64(offset & 63)
        sums[offset] += score
        let slot = offset &* clauses &+ clause
        rows[slot] = score
        stamps[slot] = serial
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
