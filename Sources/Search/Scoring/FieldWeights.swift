import Index

/// How much one occurrence in each field counts, relative to one in the passage text.
///
/// BM25F multiplies a field's length-normalised frequency by its weight before the
/// frequencies are added and saturated, so a title match counts like `title` text matches.
public struct FieldWeights: Sendable, Equatable {
    public var title: Double
    public var section: Double
    public var text: Double

    public init(title: Double = 2.0, section: Double = 1.5, text: Double = 1.0) {
        self.title = title
        self.section = section
        self.text = text
    }

    public subscript(field: IndexField) -> Double {
        switch field {
        case .title: title
        case .section: section
        case .text: text
        }
    }
}
