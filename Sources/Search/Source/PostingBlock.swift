import Index

/// What a posting list promises about a run of its postings, so top-k can skip runs that
/// cannot reach the current threshold without decoding them (block-max pruning).
///
/// The bounds must hold for every posting in the block: each one is dominated by one of
/// `impacts` (no higher frequency, no shorter field). Looser is correct (only slower);
/// tighter than the truth loses hits.
public struct PostingBlock: Sendable, Equatable {
    /// The last passage the block covers; the next block starts after it.
    public var lastPassage: PassageNumber
    /// The block's competitive (frequency, field length) pairs.
    public var impacts: Impacts

    public init(lastPassage: PassageNumber, impacts: Impacts) {
        self.lastPassage = lastPassage
        self.impacts = impacts
    }

    /// The block past the end of a list: nothing more to score.
    public static let exhausted = PostingBlock(lastPassage: .end, impacts: Impacts())
}
