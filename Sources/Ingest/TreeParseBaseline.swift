internal import CLibXML2

/// libxml2's bare tree parse (`htmlReadMemory` + `xmlFreeDoc`), exposed only so the benchmark can
/// report the ingester's speed as a ratio to it in the same run (the benchmark package cannot
/// import CLibXML2 itself).
public enum TreeParseBaseline {
    static let options = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)

    /// Parses `bytes` into a tree and frees it; false when libxml2 returned no document.
    public static func parse(_ bytes: [UInt8]) -> Bool {
        LibXML2.prepareThread()
        return bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return false }
            let document = base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), "baseline.html", nil, options)
            }
            guard let document else { return false }
            xmlFreeDoc(document)
            return true
        }
    }
}
