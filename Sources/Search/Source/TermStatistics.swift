import Index

/// What a posting list promises as a whole: how many passages it holds, and the
/// competitive (frequency, field length) pairs that bound their scores.
public struct TermStatistics: Sendable, Equatable {
    /// Passages whose field contains the term.
    public var documentFrequency: Int
    /// Every posting is dominated by one of these pairs: the bound MaxScore needs before
    /// any block is read.
    public var impacts: Impacts

    public init(documentFrequency: Int, impacts: Impacts) {
        self.documentFrequency = documentFrequency
        self.impacts = impacts
    }
}
