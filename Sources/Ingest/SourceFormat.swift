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
    /// reads best through the HTML rules); otherwise the extension decides when it claims a
    /// format; otherwise an XML declaration means XML, HTML-only tags mean HTML, other markup
    /// XML. Plain text is nil.
    public static func detect(_ bytes: UnsafeBufferPointer<UInt8>, path: String) -> SourceFormat? {
        var head = UnsafeBufferPointer(rebasing: bytes.prefix(2048))
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head = UnsafeBufferPointer(rebasing: head[3...]) }
        func has(_ needle: String) -> Bool { ByteName.firstIndex(of: Array(needle.utf8), in: head) != nil }
        if has("<html") || has("<!doctype html") { return .html }
        if let claimed = claimed(byPath: path) { return claimed }
        guard let first = head.firstIndex(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }),
              head[first] == 0x3C else {
            return nil
        }
        if has("<?xml") || has("<!doctype") { return .xml }
        if has("<body") || has("<head") || has("<p>") || has("<div") || has("<br") { return .html }
        return .xml
    }
}
