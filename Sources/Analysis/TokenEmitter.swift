/// Turns raw tokens into the tokens a pass reports: admitted, stemmed, and with a compound's
/// whole dropped when it stems like its first part.
///
/// Shared by the full pass and the filtered one (`Analyzer.analyze(_:initials:_:)`), so the
/// two cannot drift apart.
///
/// - Warning: `buffers` is workspace owned by the pass (see `Analyzer.withTokenizer`); an
///   emitter must not outlive it.
struct TokenEmitter {
    let stemming: Bool
    /// Two stem buffers of `stemBytes` each: a compound's whole and its first part are both
    /// held until it is known whether the whole is reported.
    let buffers: UnsafeMutablePointer<UInt8>
    static let stemBytes = Tokenizer.maxTermBytes + 1
    let cache: StemCache

    /// Reports `raw` (and, for a compound's whole, the first part that follows it) through
    /// `body` when `admission` admits it.
    @inline(__always)
    func report<Admission: TokenAdmission>(
        _ raw: RawToken, _ tokenizer: inout Tokenizer, _ admission: Admission, _ body: (Token) throws -> Void
    ) rethrows {
        guard admission.admits(raw.term) else { return }
        let token = finish(raw, into: buffers)
        guard raw.isCompoundWhole, let next = tokenizer.next() else {
            try body(token)
            return
        }
        guard admission.admits(next.term) else {
            try body(token)
            return
        }
        // A whole shares its position with its first part; when both stem to one term
        // (`ing-s` → `ing`, `ing`) the whole is dropped so no term repeats at a position.
        let firstPart = finish(next, into: buffers + Self.stemBytes)
        if !token.term.elementsEqual(firstPart.term) { try body(token) }
        try body(firstPart)
    }

    /// The token for a raw one: stemmed into `buffer` when stemming applies.
    @inline(__always)
    func finish(_ raw: RawToken, into buffer: UnsafeMutablePointer<UInt8>) -> Token {
        var term = raw.term
        if stemming, let count = cache.stem(raw.term, into: buffer) {
            term = UnsafeBufferPointer(start: buffer, count: count)
        }
        return Token(term: term, position: raw.position, sourceRange: raw.sourceRange,
                     isCompoundWhole: raw.isCompoundWhole, folded: raw.term)
    }
}
