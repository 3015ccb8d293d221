/// HTML or XML, chosen from the file name and the first bytes.
public enum SourceFormat: Sendable, Equatable {
    case html
    case xml

    static let htmlExtensions: Set<String> = ["html", "htm", "xhtml", "xht", "shtml", "php", "asp", "aspx", "jsp"]
    static let xmlExtensions: Set<String> = [
        "xml", "dbk", "docbook", "tei", "jats", "nxml", "page", "atom", "rss", "rdf", "opf", "fb2",
    ]

    /// The format its extension claims, if any.
    public static func claimed(byPath path: String) -> SourceFormat? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let ext = name[name.index(after: dot)...].lowercased()
        if htmlExtensions.contains(ext) { return .html }
        if xmlExtensions.contains(ext) { return .xml }
        return nil
    }

    /// What the content says: an `<html` root or doctype is HTML whatever the extension (XHTML
    /// reads best through the HTML rules); another root element is XML; no markup is nil.
    public static func sniff(_ bytes: UnsafeBufferPointer<UInt8>) -> SourceFormat? {
        var head = bytes.prefix(2048).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head.removeFirst(3) }
        func has(_ needle: String) -> Bool {
            let pattern = Array(needle.utf8)
            guard head.count >= pattern.count else { return false }
            return (0...(head.count - pattern.count)).contains { head[$0..<($0 + pattern.count)].elementsEqual(pattern) }
        }
        if has("<html") || has("<!doctype html") { return .html }
        guard let first = head.firstIndex(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }),
              head[first] == 0x3C else {
            return nil
        }
        if has("<?xml") || has("<!doctype") { return .xml }
        if has("<body") || has("<head") || has("<p>") || has("<div") {
            return .html
        }
        return .xml
    }

    /// Content first, then the extension; nil when neither says HTML or XML.
    public static func detect(_ bytes: UnsafeBufferPointer<UInt8>, path: String) -> SourceFormat? {
        let claimed = claimed(byPath: path)
        guard let sniffed = sniff(bytes) else { return claimed }
        if sniffed == .xml, claimed == .html { return .html }
        return sniffed
    }
}
