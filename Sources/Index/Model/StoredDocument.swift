/// A document as the index stores it: its citation metadata (`document.passages` is empty),
/// the stamp of its source file, and where its passages are in the segment.
public struct StoredDocument: Sendable, Equatable {
    public var document: Document
    public var source: SourceStamp
    /// The segment-local number of its first passage; its passages are numbered consecutively.
    public var firstPassage: PassageNumber
    public var passageCount: Int

    public init(document: Document, source: SourceStamp, firstPassage: PassageNumber, passageCount: Int) {
        self.document = document
        self.source = source
        self.firstPassage = firstPassage
        self.passageCount = passageCount
    }

    /// Record layout in `.documents` (all strings varint length + UTF-8; optional ones
    /// length + 1, 0 for absent): path │ title │ url? │ language? │ description? │ date? │
    /// absolutePath │ varint size │ u64 modified │ u64 contentHash │ varint firstPassage │
    /// varint passageCount.
    func encode(into out: inout ByteWriter) {
        out.appendString(document.path)
        out.appendString(document.title)
        out.appendOptionalString(document.url)
        out.appendOptionalString(document.language)
        out.appendOptionalString(document.description)
        out.appendOptionalString(document.date)
        out.appendString(source.absolutePath)
        out.appendVarint(source.size)
        out.appendFixed(UInt64(bitPattern: source.modified))
        out.appendFixed(source.contentHash)
        out.appendVarint(firstPassage.rawValue)
        out.appendVarint(passageCount)
    }

    static func decode(_ reader: inout ByteReader) throws -> StoredDocument {
        let path = try reader.string()
        let title = try reader.string()
        let document = Document(
            path: path, title: title, url: try reader.optionalString(), language: try reader.optionalString(),
            description: try reader.optionalString(), date: try reader.optionalString())
        let source = SourceStamp(
            absolutePath: try reader.string(), size: try reader.count(below: Int.max),
            modified: Int64(bitPattern: try reader.fixed(UInt64.self)), contentHash: try reader.fixed(UInt64.self))
        return StoredDocument(
            document: document, source: source, firstPassage: PassageNumber(try reader.count(below: Int(UInt32.max))),
            passageCount: try reader.count())
    }
}
