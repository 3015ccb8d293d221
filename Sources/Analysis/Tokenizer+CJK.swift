/// CJK runs: Han, Hiragana, Katakana and Hangul have no spaces between words, so each run is
/// indexed as overlapping character bigrams (`東京都` → `東京`, `京都`), a lone character as
/// itself. Bigrams need no dictionary and a query analysed the same way matches them as a phrase.
extension Tokenizer {
    /// State of a run of CJK characters being turned into bigrams; `scratch` holds the previous
    /// character followed by the current one.
    struct CJKRun {
        var active = false
        var length = 0
        var previousBytes = 0, previousStart = 0
        var currentBytes = 0, currentStart = 0, currentEnd = 0
        var shiftPending = false
    }

    /// Emits overlapping bigrams over a CJK run (a lone character as itself), one per call.
    mutating func nextCJK() -> RawToken? {
        if cjk.shiftPending {
            for offset in 0..<cjk.currentBytes { scratch[offset] = scratch[cjk.previousBytes + offset] }
            cjk.previousBytes = cjk.currentBytes
            cjk.previousStart = cjk.currentStart
            cjk.shiftPending = false
        }
        while true {
            let start = cursor
            let (first, length) = entry(at: start)
            guard cursor < text.count, UnicodeTable.cls(first) == .cjk else {
                cjk.active = false
                guard cjk.length == 1 else { return nil }
                defer { position &+= 1 }
                return RawToken(
                    term: UnsafeBufferPointer(start: scratch, count: cjk.previousBytes), position: position,
                    sourceRange: cjk.previousStart..<cjk.currentEnd, isCompoundWhole: false)
            }
            used = cjk.previousBytes
            appendCJK(first, length: length, limit: cjk.previousBytes + Self.maxCJKCharacterBytes)
            cursor += length
            while cursor < text.count {
                let (mark, markLength) = entry(at: cursor)
                guard UnicodeTable.cls(mark) == .mark else { break }
                appendCJK(mark, length: markLength, limit: cjk.previousBytes + Self.maxCJKCharacterBytes)
                cursor += markLength
            }
            cjk.length += 1
            cjk.currentEnd = cursor
            if cjk.length == 1 {
                cjk.previousBytes = used
                cjk.previousStart = start
                continue
            }
            cjk.currentBytes = used - cjk.previousBytes
            cjk.currentStart = start
            cjk.shiftPending = true
            defer { position &+= 1 }
            return RawToken(
                term: UnsafeBufferPointer(start: scratch, count: used), position: position,
                sourceRange: cjk.previousStart..<cursor, isCompoundWhole: false)
        }
    }

    private mutating func appendCJK(_ entry: UInt32, length: Int, limit: Int) {
        let saved = used
        appendFolded(entry, length: length)
        if used > limit { used = saved }
    }
}
