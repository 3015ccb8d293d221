/// The filtered pass: only the tokens that may be one of a few known terms, for callers that
/// look for those terms (highlighting a query in a search hit) rather than for every term.
extension Analyzer {
    /// Calls `body` with the tokens of `text` whose folded form `initials` admits (every token
    /// that can stem to one of its terms or start with one), as `analyze(_:_:)` reports them,
    /// but positions: two reported tokens are at consecutive (or equal) positions exactly when
    /// they are in the full analysis, while longer gaps may shrink.
    ///
    /// Why: highlighting a query in a hit needs only the few words that could be query terms,
    /// and a full analysis of every hit cost most of a search's time. Three kinds of text:
    /// - A plain word (most words): a run of ASCII letters and digits ended by a separator, or
    ///   by a joiner (`'`, `-`, `.`, `_`) that no letter or digit follows. It is one token at
    ///   the next position, so it is found with one table load per byte, counted, and
    ///   lowercased and stemmed only when `initials` admits its first two bytes (see
    ///   `TermInitials` for why that loses no match).
    /// - A chunk of other ASCII words up to the next separator (`os.path`, `don't`, `U.S.`,
    ///   `3.5`): every token in it starts with the lowercase of a byte that starts a run of
    ///   letters and digits, so when `initials` has none of those the chunk is skipped and
    ///   moves positions on by one (enough to keep its neighbours apart).
    /// - Anything else (a wanted chunk, a character ≥ U+0080) goes to the tokenizer, from a
    ///   word start until it stands between words again before an ASCII byte that starts none:
    ///   the tokenizer never looks back, nor across a separator, so it yields there what a full
    ///   pass yields.
    ///
    /// - Complexity: O(n); a few instructions per byte of plain words.
    public func analyze(
        _ text: UnsafeBufferPointer<UInt8>, initials: TermInitials, _ body: (Token) throws -> Void
    ) rethrows {
        guard let base = text.baseAddress else { return }
        try withTokenizer(text) { tokenizer, emitter in
            let alphanumerics = tokenizer.alphanumerics, classes = tokenizer.classes, scratch = tokenizer.scratch
            let count = text.count
            /// An ASCII byte that is no letter or digit: the tokenizer steps over it between words.
            @inline(__always) func startsNoWord(_ byte: UInt8) -> Bool {
                byte < 0x80 && alphanumerics[Int(byte)] == 0
            }
            /// Whether a run of letters and digits ending before `end` is a whole plain word.
            @inline(__always) func endsPlainWord(_ end: Int) -> Bool {
                guard end < count else { return true }
                let byte = base[end]
                guard byte < 0x80 else { return false }
                switch UnicodeTable.cls(classes[Int(byte)]) {
                case .separator: return true
                case .apostrophe, .hyphen, .dot: return end + 1 == count || startsNoWord(base[end + 1])
                default: return false
                }
            }
            /// The end of the chunk of ASCII words starting at `start` (at the next separator),
            /// or nil when a token in it may be admitted or it holds a byte ≥ 0x80.
            func endOfUnwantedChunk(_ start: Int) -> Int? {
                var index = start
                var previousIsAlphanumeric = false
                while index < count {
                    let byte = base[index]
                    guard byte < 0x80 else { return nil }
                    if alphanumerics[Int(byte)] != 0 {
                        if !previousIsAlphanumeric, initials.contains(byte | 0x20) { return nil }
                        previousIsAlphanumeric = true
                    } else {
                        if UnicodeTable.cls(classes[Int(byte)]) == .separator { return index }
                        previousIsAlphanumeric = false
                    }
                    index += 1
                }
                return count
            }
            var index = 0
            while index < count {
                let byte = base[index]
                if startsNoWord(byte) {
                    index += 1
                    continue
                }
                if alphanumerics[Int(byte)] != 0 {
                    var end = index + 1
                    while end < count, alphanumerics[Int(base[end])] != 0 { end += 1 }
                    if endsPlainWord(end) {
                        let length = end - index
                        // Letters are lowercased by setting 0x20; digits already have it.
                        if length <= Tokenizer.maxTermBytes, initials.contains(byte | 0x20) {
                            for offset in 0..<length { scratch[offset] = base[index + offset] | 0x20 }
                            let term = UnsafeBufferPointer(start: scratch, count: length)
                            if initials.admits(term) {
                                let raw = RawToken(
                                    term: term, position: tokenizer.position, sourceRange: index..<end, isCompoundWhole: false)
                                try body(emitter.finish(raw, into: emitter.buffers))
                            }
                        }
                        tokenizer.position &+= 1
                        index = end
                        continue
                    }
                    if let chunkEnd = endOfUnwantedChunk(index) {
                        tokenizer.position &+= 1
                        index = chunkEnd
                        continue
                    }
                }
                tokenizer.cursor = index
                repeat {
                    guard let raw = tokenizer.next() else { return }
                    try emitter.report(raw, &tokenizer, initials, body)
                } while !tokenizer.isBetweenWords || (tokenizer.cursor < count && !startsNoWord(base[tokenizer.cursor]))
                index = tokenizer.cursor
            }
        }
    }
}
