/// Skipping text that cannot hold a wanted token, for callers that look for a few known terms
/// (highlighting a query in a passage) rather than for every term.
extension Tokenizer {
    /// Moves `cursor` to the start of the next chunk (a run of bytes between ASCII whitespace)
    /// that may hold a token starting with one of `initials`, and sets `chunkEnd` to that
    /// chunk's end. If the skipped text holds any token, `position` moves on by one.
    ///
    /// Why this is exact: words never span whitespace and the tokenizer never looks back, so a
    /// chunk tokenized on its own yields what a full pass yields there. A token starts only at
    /// a letter or digit that follows a byte that is not one, and its folded form starts with
    /// that letter lowercased when it is ASCII; so a chunk is a candidate when such an ASCII
    /// start is in `initials`, or when it has any byte ≥ 0x80 (only folding can tell). Skipped
    /// text moves positions on by one rather than by its token count: reported tokens are then
    /// adjacent exactly when they are in the full analysis, which is what phrases need.
    ///
    /// - Complexity: O(bytes skipped). The scan looks for a candidate byte with no branch but
    ///   the rarely taken exit (word boundaries are too frequent to branch on), then walks back
    ///   and forward to the candidate chunk's whitespace.
    mutating func skipToCandidateChunk(_ initials: TermInitials) {
        let count = text.count
        let start = cursor
        let lowInitials = initials.asciiBits.low
        let highInitials = initials.asciiBits.high
        var index = start
        var firstAlphanumeric = Int.max
        var previousIsAlphanumeric: UInt64 = 0
        while index < count {
            let byte = text[index]
            let isAlphanumeric: UInt64 = alphanumerics[Int(byte)] != 0 ? 1 : 0
            let lowered = byte | 0x20
            let initialBits = lowered & 0x40 != 0 ? highInitials : lowInitials
            let isInitial = initialBits >> UInt64(lowered & 63) & 1
            if UInt64(byte >> 7) | (isInitial & isAlphanumeric & ~previousIsAlphanumeric) != 0 { break }
            firstAlphanumeric = isAlphanumeric != 0 ? min(firstAlphanumeric, index) : firstAlphanumeric
            previousIsAlphanumeric = isAlphanumeric
            index += 1
        }
        var chunkStart = index
        while chunkStart > start, !Self.isWhitespace(text[chunkStart - 1]) { chunkStart -= 1 }
        if firstAlphanumeric < chunkStart { position &+= 1 }
        var end = index
        while end < count, !Self.isWhitespace(text[end]) { end += 1 }
        cursor = chunkStart
        chunkEnd = end
    }

    /// Space, tab, line feed, vertical tab, form feed, carriage return: separators that no
    /// word rule looks across.
    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte &- 0x09 < 5 }
}
