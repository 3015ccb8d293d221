/// What a posting list promises as a whole: how many passages it holds, and bounds on
/// their frequencies and field lengths.
public struct TermStatistics: Sendable, Equatable {
    /// Passages whose field contains the term.
    public var documentFrequency: Int
    /// The highest frequency and the shortest field length over the whole list: the
    /// bound MaxScore needs before any block is read.
    public var maxFrequency: UInt32
    public var minLength: UInt32

    public init(documentFrequency: Int, maxFrequency: UInt32, minLength: UInt32) {
        self.documentFrequency = documentFrequency
        self.maxFrequency = maxFrequency
        self.minLength = minLength
    }
}
