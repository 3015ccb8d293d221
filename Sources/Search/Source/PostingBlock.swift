import Index

/// What a posting list promises about a run of its postings, so top-k can skip runs that
/// cannot reach the current threshold without decoding them (block-max pruning).
///
/// The bounds must hold for every posting in the block: no passage in it has a higher
/// frequency than `maxFrequency` or a shorter field than `minLength`. Looser is correct
/// (only slower); tighter than the truth loses hits.
public struct PostingBlock: Sendable, Equatable {
    /// The last passage the block covers; the next block starts after it.
    public var lastPassage: PassageNumber
    public var maxFrequency: UInt32
    /// The shortest field length (norm) of any passage in the block.
    public var minLength: UInt32

    public init(lastPassage: PassageNumber, maxFrequency: UInt32, minLength: UInt32) {
        self.lastPassage = lastPassage
        self.maxFrequency = maxFrequency
        self.minLength = minLength
    }

    /// The block past the end of a list: nothing more to score.
    public static let exhausted = PostingBlock(lastPassage: .end, maxFrequency: 0, minLength: .max)
}
