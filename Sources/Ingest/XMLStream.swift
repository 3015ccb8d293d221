internal import CLibXML2

/// Reads an XML document through libxml2's tree with safe options, walking it iteratively into
/// a `BlockCollector` by the generic mapping in `XMLName`.
///
/// Safety: no network, no DTD loading, no entity substitution (external entities are never
/// read, so a `SYSTEM "file:///…"` entity cannot leak a local file), no `XML_PARSE_HUGE` (its
/// amplification and depth limits stay on: billion laughs and 100,000-deep nesting fail fast and
/// are reported instead of silently truncated).
struct XMLStream {
    enum Failure: Error {
        case malformed(String)
        case tooDeep
        case entityExpansion
    }

    static let options = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue | XML_PARSE_RECOVER.rawValue
            | XML_PARSE_IGNORE_ENC.rawValue | XML_PARSE_BIG_LINES.rawValue)

    /// Parses `utf8` (valid UTF-8, no BOM).
    static func parse(_ utf8: UnsafeBufferPointer<UInt8>, name: String) throws(Failure) -> (blocks: [RawBlock], metadata: PageMetadata) {
        LibXML2.prepareThread()
        guard let base = utf8.baseAddress, let context = xmlNewParserCtxt() else { throw .malformed("empty document") }
        defer { xmlFreeParserCtxt(context) }
        let document = base.withMemoryRebound(to: CChar.self, capacity: utf8.count) { bytes in
            name.withCString { xmlCtxtReadMemory(context, bytes, Int32(utf8.count), $0, "UTF-8", options) }
        }
        guard let document else { throw .malformed(lastError(context) ?? "not well-formed XML") }
        defer { xmlFreeDoc(document) }
        switch xmlParserErrors(UInt32(context.pointee.errNo)) {
        case XML_ERR_ENTITY_LOOP: throw .entityExpansion
        case XML_ERR_INTERNAL_ERROR where (lastError(context) ?? "").contains("depth"): throw .tooDeep
        default: break
        }
        guard let root = xmlDocGetRootElement(document) else { throw .malformed(lastError(context) ?? "no root element") }
        var walker = XMLTreeWalker(root: root, fileName: name)
        return walker.run()
    }

    private static func lastError(_ context: xmlParserCtxtPtr) -> String? {
        guard let error = xmlCtxtGetLastError(context), let message = error.pointee.message else { return nil }
        let text = String(cString: message).split(whereSeparator: \.isNewline).joined(separator: " ")
        let line = error.pointee.line
        return line > 0 ? "line \(line): \(text)" : text
    }
}
