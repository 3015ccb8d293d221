/// A passage as the passage store returns it: the passage and the segment-local number of
/// its document (for the title, path and URL to cite it by).
public struct StoredPassage: Sendable, Equatable {
    public var passage: Passage
    public var document: DocumentNumber

    public init(passage: Passage, document: DocumentNumber) {
        self.passage = passage
        self.document = document
    }

    /// Record layout in `.passages`: varint document │ varint ordinal │ varint line │
    /// anchor? │ varint sectionCount │ section strings │ text. The `PassageID` is kept out of
    /// the record (it does not compress) in the store's uncompressed extra array.
    static func encode(_ passage: Passage, document: DocumentNumber, into out: inout ByteWriter) {
        out.appendVarint(document.rawValue)
        out.appendVarint(passage.ordinal)
        out.appendVarint(max(passage.line, 0))
        out.appendOptionalString(passage.anchor)
        out.appendVarint(passage.section.count)
        for heading in passage.section { out.appendString(heading) }
        out.appendString(passage.text)
    }

    static func decode(_ reader: inout ByteReader, id: PassageID) throws -> StoredPassage {
        let document = DocumentNumber(try reader.count(below: Int(UInt32.max)))
        let ordinal = try reader.count()
        let line = try reader.count()
        let anchor = try reader.optionalString()
        let sectionCount = try reader.count(below: reader.bytes.count + 1)
        var section: [String] = []
        section.reserveCapacity(sectionCount)
        for _ in 0..<sectionCount { section.append(try reader.string()) }
        let text = try reader.string()
        return StoredPassage(
            passage: Passage(id: id, ordinal: ordinal, section: section, text: text, line: line, anchor: anchor),
            document: document)
    }
}
