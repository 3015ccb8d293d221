import Index

/// Finds where a phrase occurs in one field, in two phases: a leapfrog conjunction of the
/// terms' cursors proposes passages holding every term (cheap), and `verify()` confirms the
/// phrase by positions (costly), so a caller can skip proposals that cannot score enough.
final class FieldPhraseMatcher {
    let field: Int
    let cursors: [any PostingCursor]
    private let offsets: [UInt32]
    /// The passage every term's cursor stands on, or `.end`.
    private(set) var proposal: PassageNumber = PassageNumber(rawValue: 0)
    /// Occurrences of the whole phrase in `verifiedAt` (0: the terms are not adjacent there).
    private(set) var frequency: UInt32 = 0
    private(set) var verifiedAt: PassageNumber = .end
    private var positions: [[UInt32]]
    /// Per term, how far its positions have been scanned (scratch, reused).
    private var scanned: [Int]

    /// `nil` when a term has no postings in this field.
    init?(_ clause: PhraseClause, field: Int, terms: any SegmentTerms) {
        var cursors: [any PostingCursor] = []
        for term in clause.terms {
            guard let cursor = terms.postings(of: term, in: IndexField.allCases[field]) else { return nil }
            cursors.append(cursor)
        }
        self.field = field
        self.cursors = cursors
        offsets = clause.offsets
        positions = Array(repeating: [], count: cursors.count)
        scanned = Array(repeating: 0, count: cursors.count)
        proposal = leapfrog(count: cursors.count, from: PassageNumber(rawValue: 0)) { cursors[$0].advance(to: $1) }
    }

    /// Moves the proposal to the first passage at or after `target` holding every term.
    func propose(from target: PassageNumber) {
        guard target > proposal else { return }
        proposal = leapfrog(count: cursors.count, from: target) { cursors[$0].advance(to: $1) }
    }

    /// Counts the phrase in the proposed passage: start positions p with every term i at
    /// p + offset_i.
    @discardableResult
    func verify() -> UInt32 {
        if verifiedAt == proposal { return frequency }
        verifiedAt = proposal
        frequency = 0
        guard proposal != .end else { return 0 }
        // The scratch arrays are moved out for the count and back after it: touching them
        // in place, element by element, would check exclusive access to this object's
        // properties at run time on every element.
        var positions = self.positions, scanned = self.scanned
        self.positions = []
        self.scanned = []
        defer {
            self.positions = positions
            self.scanned = scanned
        }
        for index in cursors.indices {
            cursors[index].positions(into: &positions[index])
        }
        for index in scanned.indices {
            scanned[index] = 0
        }
        outer: for start in positions[0] {
            let base = start &- offsets[0]
            for index in 1..<cursors.count {
                let wanted = base &+ offsets[index]
                let list = positions[index]
                var at = scanned[index]
                while at < list.count, list[at] < wanted { at += 1 }
                scanned[index] = at
                if at == list.count { break outer }
                if list[at] != wanted { continue outer }
            }
            frequency += 1
        }
        return frequency
    }

    /// The bound `blockBound(at:bm25:)` computed last.
    private(set) var lastBlockBound = 0.0

    /// Where the run its terms' blocks at `target` cover ends; sets `lastBlockBound`, the
    /// bound those blocks put on w_f · tf / B_f of the phrase in this field. The phrase occurs
    /// no more often than each of its terms in a passage that holds them all, so two bounds
    /// hold and the smaller is taken: the tightest term's impact bound, and the corner of the
    /// least maximum frequency with the longest of the terms' shortest fields (which
    /// combines terms, and can be the tighter one).
    func blockBound(at target: PassageNumber, bm25: BM25F) -> PassageNumber {
        var through = PassageNumber.end
        var termBound = Double.infinity
        var maxFrequency = UInt32.max
        var minLength: UInt32 = 0
        for cursor in cursors {
            let block = cursor.block(containing: target)
            through = min(through, block.lastPassage)
            termBound = min(termBound, bm25.maxNormalizedFrequency(block.impacts, field: field))
            maxFrequency = min(maxFrequency, block.impacts.maxFrequency)
            minLength = max(minLength, block.impacts.minNorm)
        }
        lastBlockBound = maxFrequency > 0
            ? min(termBound, bm25.normalizedFrequency(maxFrequency, length: minLength, field: field)) : 0
        return through
    }

    /// Whether the phrase occurs in `passage` (which must be the verified proposal).
    func matches(_ passage: PassageNumber) -> Bool {
        verifiedAt == passage && proposal == passage && frequency > 0
    }
}
