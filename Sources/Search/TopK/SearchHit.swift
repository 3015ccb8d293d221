import Index

/// One ranked passage.
public struct SearchHit: Sendable, Equatable {
    /// Index of the segment in the list searched.
    public var segment: Int
    public var passage: PassageNumber
    public var document: DocumentNumber
    public var score: Double

    public init(segment: Int, passage: PassageNumber, document: DocumentNumber, score: Double) {
        self.segment = segment
        self.passage = passage
        self.document = document
        self.score = score
    }

    /// Ranking order: higher score first, then earlier segment and passage, so equal
    /// scores always come out in the same order.
    @inlinable
    public func ranks(before other: SearchHit) -> Bool {
        if score != other.score { return score > other.score }
        if segment != other.segment { return segment < other.segment }
        return passage < other.passage
    }
}
