/// One token of analysed text, handed to a callback so that no `String` is built per token.
///
/// - Warning: `term` points into the analyser's scratch buffer and is valid only for the
///   duration of the callback that receives it. Copy the bytes to keep them.
public struct Token {
    /// The normalized term (case- and diacritic-folded, stemmed when stemming is on), UTF-8.
    public var term: UnsafeBufferPointer<UInt8>
    /// Position in the token stream, for phrase queries. Alternative forms of one word
    /// (a hyphenated compound and its parts) may share or span positions.
    public var position: UInt32
    /// Byte range of the word in the analysed UTF-8 text, for highlighting.
    public var sourceRange: Range<Int>

    @inlinable
    public init(term: UnsafeBufferPointer<UInt8>, position: UInt32, sourceRange: Range<Int>) {
        self.term = term
        self.position = position
        self.sourceRange = sourceRange
    }
}
