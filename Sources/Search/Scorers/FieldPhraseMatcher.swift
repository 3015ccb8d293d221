import Index

/// Finds where a phrase occurs in one field, in two phases: a leapfrog conjunction of the
/// terms' cursors proposes passages holding every term (cheap), and `verify()` confirms the
/// phrase by positions (costly), so a caller can skip proposals that cannot score enough.
///
/// Generic over the source's cursor type, like `TermScorer`: the cursor calls of the
/// per-proposal loops are then direct and inlined, with no retain and release around each.
final class FieldPhraseMatcher<Cursor: PostingCursor> {
    let field: Int
    /// The field's lengths, for scoring the phrase's frequency here.
    let norms: NormsView
    /// Owns the terms' cursors; the loops reach them through `terms`.
    let cursors: [Cursor]
    /// Per term, rarest first: plain values in a raw buffer this object owns (freed in
    /// `deinit`), so the per-proposal loops copy no reference and check no exclusivity.
    /// Rarest first, as Tantivy and Lucene order a conjunction: the common words of a
    /// phrase (`"need the required"`) are moved and their positions read only where the
    /// rarer ones already agree.
    private let terms: UnsafeMutableBufferPointer<PhraseTerm<Cursor>>
    /// How many terms, rarest first, propose passages by joining their cursors. With three
    /// or more, the commonest (a stopword inside the phrase, usually) is left out at first:
    /// it is moved to a proposal only once the rarer terms' positions line up there, which
    /// most proposals fail (`"equivalent to setting"` on the large tier: 460 proposals, 34
    /// phrases), so its blocks are mostly never decoded.
    private var joined: Int
    /// Proposals left before the commonest term joins the others: half as many as it has
    /// blocks. Past that, reading the rarer terms' positions at every proposal costs more
    /// than moving the commonest to each, which then rejects most of them without positions
    /// (`"file containing python"`: its rarer words agree at 950 passages, but `python` has
    /// only 193 blocks, and the phrase occurs 3 times). A stopword's blocks outnumber the
    /// proposals, and it stays out. Half rather than all the blocks, measured on the large
    /// tier's three-word phrases with cold caches: `"file containing python"` 5 % faster,
    /// `"representation class name"` 3 % slower, the others within 3 %.
    private var proposalsBeforeJoining: Int
    /// The passage every term's cursor stands on, or `.end`.
    private(set) var proposal: PassageNumber = PassageNumber(rawValue: 0)
    /// Occurrences of the whole phrase in `verifiedAt` (0: the terms are not adjacent there).
    private(set) var frequency: UInt32 = 0
    private(set) var verifiedAt: PassageNumber = .end
    /// Scratch for verification, owned by this object (freed in `deinit`, grown as needed):
    /// the phrase starts still possible in the verified passage, then the positions of the
    /// term checking them. Raw memory, since an array paid a uniqueness check per position
    /// appended and per element removed.
    @exclusivity(unchecked) private var scratch: UnsafeMutablePointer<UInt32>
    @exclusivity(unchecked) private var scratchCapacity = 64
    /// For a field every passage of a document repeats (the title): the source that says
    /// which passages share it, and the passages sharing the field last verified, with the
    /// phrase's count there, reused for the rest of them (and when 0, skipped over).
    private let sharing: (any PostingSource)?
    private var shared = PassageNumber.end..<PassageNumber.end
    private var sharedFrequency: UInt32 = 0

    /// `nil` when a term has no postings in this field.
    init?<Segment: SegmentTerms>(_ clause: PhraseClause, field: Int, segment: Segment) where Segment.Source.Cursor == Cursor {
        var cursors: [Cursor] = []
        for term in clause.terms {
            guard let cursor = segment.postings(of: term, in: IndexField.allCases[field]) else { return nil }
            cursor.deferFrequencies()
            cursors.append(cursor)
        }
        self.field = field
        scratch = .allocate(capacity: scratchCapacity)
        sharing = IndexField.allCases[field] == .title ? segment.source : nil
        norms = segment.source.norms(IndexField.allCases[field])
        self.cursors = cursors
        terms = .allocate(capacity: cursors.count)
        let rarestFirst = cursors.indices.sorted {
            (cursors[$0].statistics.documentFrequency, $0) < (cursors[$1].statistics.documentFrequency, $1)
        }
        _ = terms.initialize(from: rarestFirst.map { PhraseTerm(cursor: cursors[$0], offset: clause.offsets[$0]) })
        joined = cursors.count >= 3 ? cursors.count - 1 : cursors.count
        let commonest = cursors[rarestFirst[rarestFirst.count - 1]].statistics.documentFrequency
        proposalsBeforeJoining = 3 * commonest < segment.source.passageCount ? commonest / BitPacking.blockSize / 2 + 1 : .max
        proposal = join(from: PassageNumber(rawValue: 0))
    }

    deinit {
        scratch.deallocate()
        terms.deinitialize().deallocate()
    }

    /// Moves the proposal to the first passage at or after `target` holding every term.
    func propose(from target: PassageNumber) {
        guard target > proposal else { return }
        // The rest of a document whose shared field lacks the phrase needs no look.
        let target = sharedFrequency == 0 && shared.contains(target) ? shared.upperBound : target
        if joined < terms.count {
            proposalsBeforeJoining -= 1
            if proposalsBeforeJoining == 0 { joined = terms.count }
        }
        proposal = join(from: target)
    }

    /// The first passage at or after `target` where the joined terms' cursors all stand.
    private func join(from target: PassageNumber) -> PassageNumber {
        leapfrog(count: joined, from: target) { [terms] index, target in terms[index].cursor.with { $0.advance(to: target) } }
    }

    /// Counts the phrase in the proposed passage: start positions p with every term i at
    /// p + offset_i. The rarest term's positions give the candidate starts; each other term,
    /// rarer first, keeps those it confirms, and the count stops (reading no more positions)
    /// once none is left.
    @discardableResult
    func verify() -> UInt32 {
        if verifiedAt == proposal { return frequency }
        verifiedAt = proposal
        frequency = 0
        guard proposal != .end else { return 0 }
        if shared.contains(proposal) {
            frequency = sharedFrequency
            return frequency
        }
        var buffer = reserve(terms[0].cursor.with { $0.countPositions() }, keeping: 0)
        let read = terms[0].cursor.with { $0.positions(writingTo: buffer) }
        var starts = Self.startPhrases(UnsafeMutableBufferPointer(start: buffer, count: read), at: terms[0].offset)
        var index = 1
        while index < terms.count, starts > 0 {
            if index >= joined, terms[index].cursor.with({ $0.advance(to: proposal) }) != proposal {
                starts = 0
                break
            }
            buffer = reserve(starts + terms[index].cursor.with { $0.countPositions() }, keeping: starts)
            let read = terms[index].cursor.with { $0.positions(writingTo: buffer + starts) }
            let offset = terms[index].offset
            starts = Self.keep(
                startsIn: UnsafeMutableBufferPointer(start: buffer, count: starts + read), count: starts, confirmedAt: offset)
            index += 1
        }
        frequency = UInt32(starts)
        if let sharing, let passages = sharing.passages(sharing: IndexField.allCases[field], with: proposal) {
            shared = passages
            sharedFrequency = frequency
        }
        return frequency
    }

    /// A bound on the phrase's frequency in the proposed passage without reading positions:
    /// it occurs no more often than each of its terms, so the least frequency among the
    /// joined terms (all of them stand on the proposal).
    func frequencyBound() -> UInt32 {
        var bound = UInt32.max
        for index in 0..<joined {
            bound = min(bound, UInt32(truncatingIfNeeded: terms[index].cursor.with { $0.countPositions() }))
        }
        return bound
    }

    /// The scratch with room for `count` values, its first `kept` preserved when it grows.
    private func reserve(_ count: Int, keeping kept: Int) -> UnsafeMutablePointer<UInt32> {
        guard count > scratchCapacity else { return scratch }
        let grown = UnsafeMutablePointer<UInt32>.allocate(capacity: max(count, 2 * scratchCapacity))
        grown.update(from: scratch, count: kept)
        scratch.deallocate()
        scratch = grown
        scratchCapacity = max(count, 2 * scratchCapacity)
        return grown
    }

    /// Turns a term's positions into the phrase starts they imply, in place, and returns how
    /// many there are (a position before the term's offset starts no phrase).
    private static func startPhrases(_ positions: UnsafeMutableBufferPointer<UInt32>, at offset: UInt32) -> Int {
        guard offset > 0 else { return positions.count }
        var kept = 0
        for index in positions.indices where positions[index] >= offset {
            positions[kept] = positions[index] - offset
            kept += 1
        }
        return kept
    }

    /// Keeps, at the front of `buffer[..<count]`, the starts s with s + offset among the
    /// positions after them (both ascending: one forward scan); returns how many are kept.
    private static func keep(startsIn buffer: UnsafeMutableBufferPointer<UInt32>, count: Int, confirmedAt offset: UInt32) -> Int {
        var kept = 0, at = count
        for index in 0..<count {
            let wanted = buffer[index] &+ offset
            while at < buffer.count, buffer[at] < wanted { at += 1 }
            if at == buffer.count { break }
            if buffer[at] == wanted {
                buffer[kept] = buffer[index]
                kept += 1
            }
        }
        return kept
    }

    /// The bound `blockBound(at:bm25:)` computed last.
    private(set) var lastBlockBound = 0.0

    /// Where the run its terms' blocks at `target` cover ends; sets `lastBlockBound`, the
    /// bound those blocks put on w_f · tf / B_f of the phrase in this field. The phrase occurs
    /// no more often than each of its terms in a passage that holds them all, so two bounds
    /// hold and the smaller is taken: the tightest term's impact bound, and the corner of the
    /// least maximum frequency with the longest of the terms' shortest fields (which
    /// combines terms, and can be the tighter one). A term's impact bound is computed once
    /// per block: the rarer terms' blocks span many runs of the common ones'.
    func blockBound(at target: PassageNumber, bm25: BM25F) -> PassageNumber {
        var through = PassageNumber.end
        var termBound = Double.infinity
        var maxFrequency = UInt32.max
        var minLength: UInt32 = 0
        for index in terms.indices {
            let block = terms[index].cursor.with { $0.block(containing: target) }
            if block.lastPassage != terms[index].boundBlock {
                terms[index].boundBlock = block.lastPassage
                terms[index].bound = bm25.maxNormalizedFrequency(block.impacts, field: field)
                terms[index].maxFrequency = block.impacts.maxFrequency
                terms[index].minNorm = block.impacts.minNorm
            }
            through = min(through, block.lastPassage)
            termBound = min(termBound, terms[index].bound)
            maxFrequency = min(maxFrequency, terms[index].maxFrequency)
            minLength = max(minLength, terms[index].minNorm)
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

/// One term of a phrase in one field, as the matcher's loops read it.
private struct PhraseTerm<Cursor: PostingCursor> {
    /// Not retained: `FieldPhraseMatcher.cursors` owns the cursor for the matcher's life.
    let cursor: Unretained<Cursor>
    /// The term's place in the phrase.
    let offset: UInt32
    /// The block whose bounds were computed last (identified by its last passage), and
    /// those bounds: w_f · tf / B_f over its impacts, its highest frequency, shortest field.
    var boundBlock = PassageNumber.end
    var bound = 0.0
    var maxFrequency: UInt32 = 0
    var minNorm: UInt32 = 0

    init(cursor: Cursor, offset: UInt32) {
        self.cursor = Unretained(cursor)
        self.offset = offset
    }
}
