/// Skipping text that cannot hold a wanted token, for callers that look for a few known terms
/// (highlighting a query in a passage) rather than for every term.
extension Tokenizer {
    /// Moves `cursor` to the start of the next chunk (a run of bytes between ASCII whitespace)
    /// that may hold a token starting with one of `initials`, and sets `chunkEnd` to that
    /// chunk's end. If the skipped text holds any token, `position` moves on by one.
    ///
    /// Why this is exact: words never span whitespace and the tokenizer never looks back, so a
    /// chunk tokenized on its own yields what a full pass yields there. A token starts only at
    /// a letter, digit or CJK character that follows a byte that is not a letter or digit, and
    /// its folded form starts with that character's fold (an ASCII letter lowercased, and the
    /// next one too when it is also an ASCII letter or digit); so a chunk is a candidate when
    /// such a start may be admitted by `initials`. Starts are over-approximated (any letter
    /// after a non-ASCII character counts), never missed. Skipped
    /// text moves positions on by one rather than by its token count: reported tokens are then
    /// adjacent exactly when they are in the full analysis, which is what phrases need.
    ///
    /// - Complexity: O(bytes skipped); see `findCandidate`.
    @inline(never)  // keeps this rare path out of the unfiltered analysis loop (indexing)
    mutating func skipToCandidateChunk(_ initials: TermInitials) {
        let count = text.count
        let start = cursor
        var scan = CandidateScan(index: start)
        findCandidate(initials, &scan)
        var chunkStart = scan.index
        while chunkStart > start, !Self.isWhitespace(text[chunkStart - 1]) { chunkStart -= 1 }
        if scan.firstAlphanumeric < chunkStart { position &+= 1 }
        var end = scan.index
        while end < count, !Self.isWhitespace(text[end]) { end += 1 }
        cursor = chunkStart
        chunkEnd = end
    }

    /// Where a scan for a candidate token start stands.
    struct CandidateScan {
        var index: Int
        /// The first letter, digit or CJK character met (skipped text with one holds a token).
        var firstAlphanumeric = Int.max
        /// 1 when the byte before `index` ends a letter or digit, else 0.
        var previousIsAlphanumeric: UInt64 = 0
    }

    /// Advances `scan.index` to a byte where a wanted token may start, or to the end.
    ///
    /// Eight bytes at a time: ASCII letters and digits come out as bit 7 of each byte (range
    /// tests on all eight at once, exact below 0x80), word starts as those not preceded by
    /// one, and starts equal to a wanted first byte by comparing all eight with each of up to
    /// eight wanted bytes; only those are then looked at one by one (see `mayStart`). No
    /// branch per byte or per word (word boundaries are too frequent to branch on). A character
    /// ≥ U+0080 ends the group and is decoded and folded only to learn its first folded byte.
    ///
    /// `mutating` (like the helpers it calls) though it changes nothing in the tokenizer: so
    /// the tokenizer is passed by reference; a non-mutating call from a mutating method copied
    /// all of it (376 bytes) every time.
    private mutating func findCandidate(_ initials: TermInitials, _ scan: inout CandidateScan) {
        guard let base = text.baseAddress else { return }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high = ones &* 0x80
        /// Bit 7 of each byte set when the byte is in `low...top` (bytes below 0x80 only).
        @inline(__always) func inRange(_ word: UInt64, _ low: UInt8, _ top: UInt8) -> UInt64 {
            (word &+ ones &* UInt64(0x80 - low)) & ~(word &+ ones &* UInt64(0x7F - top)) & high
        }
        let count = text.count
        while scan.index < count {
            let available = min(8, count - scan.index)
            var word: UInt64 = 0
            if available == 8 {
                word = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: scan.index, as: UInt64.self))
            } else {
                for offset in 0..<available { word |= UInt64(base[scan.index + offset]) << UInt64(8 * offset) }
            }
            // Only the bytes before the first one ≥ 0x80 are judged here (zero padding past the
            // end is neither a letter nor a digit).
            let highBytes = word & high
            let ascii = highBytes == 0 ? available : highBytes.trailingZeroBitCount / 8
            let valid: UInt64 = ascii == 8 ? ~0 : (1 << UInt64(8 * ascii)) &- 1
            let lowered = word | ones &* 0x20
            let alphanumeric = (inRange(lowered & valid, 0x61, 0x7A) | inRange(word & valid, 0x30, 0x39)) & valid
            if scan.firstAlphanumeric == Int.max, alphanumeric != 0 {
                scan.firstAlphanumeric = scan.index + alphanumeric.trailingZeroBitCount / 8
            }
            let starts = alphanumeric & ~(alphanumeric << 8 | scan.previousIsAlphanumeric << 7)
            var candidates = starts
            if asciiInitials.count <= 8 {
                // Starts whose byte may equal a wanted first byte, all eight bytes against each:
                // a zero byte of the difference sets its bit 7 (as may, through the borrow, a
                // byte above one, which the exact test below rejects).
                var equal: UInt64 = 0
                var remaining = asciiInitials.packed
                for _ in 0..<asciiInitials.count {
                    let difference = lowered ^ ones &* (remaining & 0xFF)
                    equal |= (difference &- ones) & ~difference
                    remaining >>= 8
                }
                candidates &= equal
            }
            while candidates != 0 {
                let bit = candidates.trailingZeroBitCount
                candidates &= candidates &- 1
                let first = UInt8(truncatingIfNeeded: lowered >> UInt64(bit - 7))
                guard initials.contains(first) else { continue }
                let wanted: Bool
                if bit / 8 + 1 < ascii {
                    // The next byte is in this group: the term's second byte if a letter or digit.
                    let second = UInt8(truncatingIfNeeded: lowered >> UInt64(bit + 1))
                    wanted = alphanumeric >> UInt64(bit + 8) & 1 == 0 || initials.admits(first, second)
                } else {
                    wanted = mayStart(at: scan.index + bit / 8, first, initials)
                }
                if wanted {
                    scan.index += bit / 8
                    return
                }
            }
            if ascii > 0 { scan.previousIsAlphanumeric = alphanumeric >> UInt64(8 * ascii - 1) & 1 }
            scan.index += ascii
            if ascii < available, nonASCIIMayStart(initials, &scan) { return }
        }
    }

    /// Whether a word starting at `index` with the ASCII letter or digit `first` (lowercased,
    /// a wanted first byte) may fold to a wanted term: its first two bytes are tested when the
    /// second is an ASCII letter or digit too (then it is the term's second byte).
    private mutating func mayStart(at index: Int, _ first: UInt8, _ initials: TermInitials) -> Bool {
        guard index + 1 < text.count else { return true }
        let second = text[index + 1]
        let lowered = second | 0x20
        guard lowered &- UInt8(ascii: "a") < 26 || second &- UInt8(ascii: "0") < 10 else { return true }
        return initials.admits(first, lowered)
    }

    /// Steps over the character ≥ U+0080 at `scan.index`, or returns true (without moving) when
    /// it is a letter, digit or CJK character whose fold starts with a wanted byte.
    private mutating func nonASCIIMayStart(_ initials: TermInitials, _ scan: inout CandidateScan) -> Bool {
        let (entry, length) = entry(at: scan.index)
        let cls = UnicodeTable.cls(entry)
        if cls == .letter || cls == .digit || cls == .cjk {
            let first = entry & UnicodeTable.foldFlag != 0 ? table.fold(entry).first : text[scan.index]
            guard let first, !initials.contains(first) else { return true }
            scan.firstAlphanumeric = min(scan.firstAlphanumeric, scan.index)
        }
        scan.previousIsAlphanumeric = cls == .letter || cls == .digit ? 1 : 0
        scan.index += length
        return false
    }

    /// Space, tab, line feed, vertical tab, form feed, carriage return: separators that no
    /// word rule looks across.
    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte &- 0x09 < 5 }
}
