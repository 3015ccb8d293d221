import Index

/// Turns page bytes into a `Document`. Thread-safe: one value may parse on many threads.
///
/// Pipeline: refuse what is not text (empty, binary, too big) → decode to UTF-8
/// (`TextDecoder`) → stream HTML (`HTMLStream`) or walk XML (`XMLStream`) into blocks →
/// keep the content (`ContentSelector`) → cut passages (`PassageAssembler`) → stable IDs.
public struct Ingester: Sendable {
    public var options: IngestOptions

    public init(options: IngestOptions = IngestOptions()) {
        self.options = options
    }

    /// Parses one page; `path` is what its citations show and what its passage IDs derive from.
    public func ingest(contents: [UInt8], path: String) throws(IngestError) -> Document {
        try contents.withUnsafeBufferPointer { (bytes) throws(IngestError) -> Document in
            try ingest(bytes: bytes, path: path)
        }
    }

    func ingest(bytes: UnsafeBufferPointer<UInt8>, path: String) throws(IngestError) -> Document {
        guard !bytes.isEmpty else { throw IngestError(path: path, reason: "empty file") }
        guard bytes.count <= options.maxFileBytes else {
            throw Self.tooLarge(path, options)
        }
        guard !Self.looksBinary(bytes) else { throw IngestError(path: path, reason: "binary file, not HTML or XML") }
        let decoded = TextDecoder.utf8(bytes)
        let extracted = try Self.withBuffer(decoded, else: bytes) { (utf8) throws(IngestError) in
            switch SourceFormat.detect(utf8, path: path) {
            case .xml:
                return try XMLStream.parse(utf8, name: path)
            case .html, nil:
                let stream = HTMLStream()
                stream.parse(utf8, name: path)
                return stream.finish()
            }
        }
        return document(path: path, blocks: extracted.blocks, metadata: extracted.metadata)
    }

    private func document(path: String, blocks: [RawBlock], metadata: PageMetadata) -> Document {
        let drafts = PassageAssembler.assemble(ContentSelector.select(blocks), options: options)
        // Keyed by the first occurrence's ID rather than the text: hashing passage text as a
        // `String` key costs Unicode normalization on every passage.
        var seen: [PassageID: Int] = [:]
        var passages: [Passage] = []
        passages.reserveCapacity(drafts.count)
        for (ordinal, draft) in drafts.enumerated() {
            let first = PassageID.derive(path: path, text: draft.text, occurrence: 0)
            let occurrence = seen[first, default: 0]
            seen[first] = occurrence + 1
            passages.append(Passage(
                id: occurrence == 0 ? first : .derive(path: path, text: draft.text, occurrence: occurrence), ordinal: ordinal,
                section: draft.section, text: draft.text, line: draft.line, anchor: draft.anchor))
        }
        let fileName = path.split(separator: "/").last.map(String.init) ?? path
        let title = metadata.title ?? metadata.fallbackTitle
            ?? blocks.first(where: { if case .heading = $0.kind { return true } else { return false } })?.text
            ?? fileName
        return Document(
            path: path, title: title, url: metadata.url, language: metadata.language,
            description: metadata.description, date: metadata.date ?? metadata.timeDate, passages: passages)
    }

    /// The refusal of a page over `options.maxFileBytes` (callers recognise it by `isTooLarge`).
    static func tooLarge(_ path: String, _ options: IngestOptions) -> IngestError {
        IngestError(path: path, reason: "file too large (over \(options.maxFileBytes) bytes)", isTooLarge: true)
    }

    /// NUL bytes, or many control bytes, in the first 8 KB (UTF-16 with a BOM is text).
    static func looksBinary(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return false
        }
        var controls = 0
        let head = bytes.prefix(8192)
        for byte in head {
            if byte == 0 { return true }
            if byte < 0x09 || (byte > 0x0D && byte < 0x20) { controls += 1 }
        }
        return controls * 10 > head.count
    }

    private static func withBuffer<T>(
        _ decoded: [UInt8]?, else original: UnsafeBufferPointer<UInt8>,
        _ body: (UnsafeBufferPointer<UInt8>) throws(IngestError) -> T
    ) throws(IngestError) -> T {
        guard let decoded else { return try body(original) }
        return try decoded.withUnsafeBufferPointer { (buffer) throws(IngestError) -> T in try body(buffer) }
    }
}
