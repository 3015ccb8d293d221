/// The filtered pass: only the tokens that may be one of a few known terms, for callers that
/// look for those terms (highlighting a query in a search hit) rather than for every term.
extension Analyzer {
    /// Calls `body` with the tokens of `text` whose folded form `initials` admits (every token
    /// that can stem to one of its terms or start with one), as `analyze(_:_:)` reports them,
    /// but positions: two reported tokens are at consecutive (or equal) positions exactly when
    /// they are in the full analysis, while longer gaps may shrink.
    ///
    /// Why: highlighting a query in a hit needs only the few words that could be query terms,
    /// and a full analysis of every hit cost most of a search's time. A token's folded form
    /// starts with the lowercase of an ASCII letter or digit that starts a run of them, or with
    /// the fold of a character ≥ U+0080. So the text is searched for the next such start that
    /// `initials` may admit (see `Tokenizer.forEachWanted`), and the text before the chunk holding
    /// it (the bytes back to an ASCII separator) is skipped, moving positions on by one if it
    /// holds a word. The chunk is then read from its start: a plain word (a run of ASCII
    /// letters and digits ended by a separator, or by a joiner that no letter or digit follows)
    /// is one token, lowercased and stemmed here when admitted (see `TermInitials` for why that
    /// loses no match); anything else goes to the tokenizer until it stands between words
    /// again before an ASCII byte that starts none. The tokenizer never looks back, nor across
    /// a separator, so it yields there what a full pass yields.
    ///
    /// - Complexity: O(n); a few instructions per eight bytes that start nothing wanted.
    public func analyze(
        _ text: UnsafeBufferPointer<UInt8>, initials: TermInitials, _ body: (Token) throws -> Void
    ) rethrows {
        guard let base = text.baseAddress else { return }
        try withTokenizer(text) { tokenizer, emitter in
            let alphanumerics = tokenizer.alphanumerics, classes = tokenizer.classes, scratch = tokenizer.scratch
            let count = text.count
            @inline(__always) func isAlphanumeric(_ index: Int) -> Bool { alphanumerics[Int(base[index])] != 0 }
            /// An ASCII byte that is no letter or digit: the tokenizer steps over it between words.
            @inline(__always) func startsNoWord(_ index: Int) -> Bool {
                base[index] < 0x80 && alphanumerics[Int(base[index])] == 0
            }
            /// Whether a run of letters and digits ending before `end` is a whole plain word.
            @inline(__always) func endsPlainWord(_ end: Int) -> Bool {
                guard end < count else { return true }
                let byte = base[end]
                guard byte < 0x80 else { return false }
                switch UnicodeTable.cls(classes[Int(byte)]) {
                case .separator: return true
                case .apostrophe, .hyphen, .dot: return end + 1 == count || startsNoWord(end + 1)
                default: return false
                }
            }
            let table = tokenizer.table
            var resume = 0
            try Tokenizer.forEachWanted(in: text, initials, table: table) { found in
                // Back to the start of the chunk holding it: after a separator, or `resume`.
                var start = found.index
                while start > resume, base[start - 1] >= 0x80 || UnicodeTable.cls(classes[Int(base[start - 1])]) != .separator {
                    start -= 1
                }
                var skipsWord = found.firstSkippedWord < start
                var back = start
                while !skipsWord, back > resume {
                    back -= 1
                    skipsWord = isAlphanumeric(back)
                }
                if skipsWord { tokenizer.position &+= 1 }
                while start < found.index, startsNoWord(start) { start += 1 }
                if isAlphanumeric(start) {
                    var end = start + 1
                    while end < count, isAlphanumeric(end) { end += 1 }
                    if endsPlainWord(end) {
                        let length = end - start
                        // Letters are lowercased by setting 0x20; digits already have it.
                        if length <= Tokenizer.maxTermBytes, initials.contains(base[start] | 0x20) {
                            for offset in 0..<length { scratch[offset] = base[start + offset] | 0x20 }
                            let term = UnsafeBufferPointer(start: scratch, count: length)
                            if initials.admits(term) {
                                let raw = RawToken(
                                    term: term, position: tokenizer.position, sourceRange: start..<end, isCompoundWhole: false)
                                try body(emitter.finish(raw, into: emitter.buffers))
                            }
                        }
                        tokenizer.position &+= 1
                        resume = end
                        return resume
                    }
                }
                tokenizer.cursor = start
                repeat {
                    guard let raw = tokenizer.next() else { return count }
                    try emitter.report(raw, &tokenizer, initials, body)
                } while !tokenizer.isBetweenWords || (tokenizer.cursor < count && !startsNoWord(tokenizer.cursor))
                resume = tokenizer.cursor
                return resume
            }
        }
    }
}
