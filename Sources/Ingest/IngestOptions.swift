/// How pages are cut into passages, and how big a file may be.
public struct IngestOptions: Sendable, Equatable {
    /// Passages shorter than this merge with their neighbours in the same section.
    public var minWords: Int
    /// Passages longer than this split at sentence ends.
    public var maxWords: Int
    /// Larger files are refused: parse memory grows with input size.
    public var maxFileBytes: Int

    public init(minWords: Int = 40, maxWords: Int = 150, maxFileBytes: Int = 64 << 20) {
        self.minWords = minWords
        self.maxWords = maxWords
        self.maxFileBytes = maxFileBytes
    }
}
