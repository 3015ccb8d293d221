/// One token of analysed text, handed to a callback so that no `String` is built per token.
///
/// - Warning: `term` points into the analyser's scratch buffer and is valid only for the
///   duration of the callback that receives it. Copy the bytes to keep them.
public struct Token {
    /// The normalized term (case- and diacritic-folded, stemmed when stemming is on), UTF-8.
    public var term: UnsafeBufferPointer<UInt8>
    /// The term before stemming (folded only): what prefix queries (`happy*`) match on, since a
    /// stem is not always a prefix of its words (`happy` → `happi`). Same bytes as `term` when
    /// stemming is off or leaves the word alone.
    public var folded: UnsafeBufferPointer<UInt8>
    /// Position in the token stream, for phrase queries. Positions never decrease, but a
    /// hyphenated compound's whole form shares the position of its first part (see `Analyzer`).
    public var position: UInt32
    /// Byte range of the word in the analysed UTF-8 text, for highlighting.
    public var sourceRange: Range<Int>
    /// True for the joined form of a compound (`iccrelated` from `ICC-related`): an extra term
    /// at the first part's position that single-term queries find; phrase queries should match
    /// on the parts and skip it.
    public var isCompoundWhole: Bool

    @inlinable
    public init(term: UnsafeBufferPointer<UInt8>, position: UInt32, sourceRange: Range<Int>,
                isCompoundWhole: Bool = false, folded: UnsafeBufferPointer<UInt8>? = nil) {
        self.term = term
        self.folded = folded ?? term
        self.position = position
        self.sourceRange = sourceRange
        self.isCompoundWhole = isCompoundWhole
    }
}
