internal import CLibXML2

/// Reads an XML document through libxml2's tree with safe options, walking it iteratively into
/// a `BlockCollector` by the generic mapping in `XMLName`.
///
/// Safety: no network, no DTD loading, no entity substitution (external entities are never
/// read, so a `SYSTEM "file:///…"` entity cannot leak a local file), no `XML_PARSE_HUGE` (its
/// amplification and depth limits stay on: billion laughs and 100,000-deep nesting fail fast and
/// are reported instead of silently truncated).
enum XMLStream {
    static let options = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue | XML_PARSE_RECOVER.rawValue
            | XML_PARSE_IGNORE_ENC.rawValue | XML_PARSE_BIG_LINES.rawValue)

    /// Parses `utf8` (valid UTF-8, no BOM); `name` is the path errors are reported for.
    static func parse(_ utf8: UnsafeBufferPointer<UInt8>, name: String) throws(IngestError) -> (blocks: [RawBlock], metadata: PageMetadata) {
        LibXML2.prepareThread()
        func failure(_ reason: String) -> IngestError { IngestError(path: name, reason: reason) }
        guard let base = utf8.baseAddress, let context = xmlNewParserCtxt() else { throw failure("not well-formed XML: empty document") }
        defer { xmlFreeParserCtxt(context) }
        let document = base.withMemoryRebound(to: CChar.self, capacity: utf8.count) { bytes in
            name.withCString { xmlCtxtReadMemory(context, bytes, Int32(utf8.count), $0, "UTF-8", options) }
        }
        guard let document else { throw failure("not well-formed XML: \(lastError(context) ?? "no document")") }
        defer { xmlFreeDoc(document) }
        switch xmlParserErrors(UInt32(context.pointee.errNo)) {
        case XML_ERR_ENTITY_LOOP:
            throw failure("XML entity expansion refused (entity loop or billion-laughs pattern)")
        case XML_ERR_INTERNAL_ERROR where (lastError(context) ?? "").contains("depth"):
            throw failure("XML nested deeper than 256 elements")
        default: break
        }
        guard let root = xmlDocGetRootElement(document) else { throw failure("not well-formed XML: no root element") }
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
