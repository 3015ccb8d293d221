#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import CLibXML2

/// Title, date, language, description and URL of an XML document, and escaped HTML inside feeds.
extension XMLTreeWalker {
    /// One iterative pass over the tree; the first candidate for each field wins.
    mutating func readMetadata() {
        PageMetadata.first(&metadata.language, attribute(root, "lang"))
        var current: xmlNodePtr? = root
        while let node = current {
            let element = node.pointee.type == XML_ELEMENT_NODE
            if element, let name = node.pointee.name { readField(node, name: name) }
            current = Self.next(after: node, descending: element, within: root) {}
        }
    }

    private mutating func readField(_ node: xmlNodePtr, name: UnsafePointer<UInt8>) {
        let parentName = node.pointee.parent?.pointee.name
        let inChannel = parentName.map { ByteName.equals($0, "channel") || ByteName.equals($0, "feed") } ?? false
        if ByteName.equals(name, "title") || ByteName.equals(name, "article-title") {
            let type = attribute(node, "type")
            guard titleNode == nil, type == nil || type == "main" || type == "text" || type == "html",
                  let title = content(node) else { return }
            titleNode = node
            metadata.title = title
        } else if Self.dateNames.contains(ByteName.hash(name)) {
            guard metadata.date == nil else { return }
            let stated = attribute(node, "when") ?? attribute(node, "iso-8601-date") ?? attribute(node, "date")
            metadata.date = PageMetadata.normalizedDate(stated ?? jatsDate(node) ?? content(node))
        } else if ByteName.equals(name, "language"), inChannel {
            PageMetadata.first(&metadata.language, content(node))
        } else if ByteName.equals(name, "desc") || ByteName.equals(name, "subtitle")
                    || (ByteName.equals(name, "description") && inChannel) {
            PageMetadata.first(&metadata.description, content(node))
        } else if ByteName.equals(name, "link"), inChannel {
            if let href = attribute(node, "href") {
                let rel = attribute(node, "rel")
                if rel == nil || rel == "alternate" { PageMetadata.first(&metadata.canonicalURL, href) }
            } else {
                PageMetadata.first(&metadata.canonicalURL, content(node))
            }
        }
    }

    private static let dateNames: Set<UInt64> = Set(
        ["pubdate", "pub-date", "date", "published", "updated", "lastbuilddate", "revision"].map(ByteName.hash))

    /// JATS `<pub-date><year/><month/><day/></pub-date>` as `YYYY-MM-DD`.
    private func jatsDate(_ node: xmlNodePtr) -> String? {
        var parts: [String: String] = [:]
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, let name = current.pointee.name {
                parts[String(cString: name)] = content(current)
            }
            child = current.pointee.next
        }
        guard let year = parts["year"] else { return nil }
        func two(_ value: String?) -> String? { value.map { $0.count == 1 ? "0" + $0 : $0 } }
        return [year, two(parts["month"]), two(parts["day"])].compactMap { $0 }.joined(separator: "-")
    }

    /// The element's text, whitespace folded.
    func content(_ node: xmlNodePtr) -> String? {
        guard let raw = xmlNodeGetContent(node) else { return nil }
        defer { free(raw) }
        return ByteName.normalized(String(cString: raw))
    }

    /// Escaped HTML carried as text: Atom `type="html"`, or an RSS description holding markup.
    func htmlFragment(_ node: xmlNodePtr, name: UnsafePointer<UInt8>) -> [UInt8]? {
        guard ByteName.equals(name, "content") || ByteName.equals(name, "summary")
                || ByteName.equals(name, "description") else { return nil }
        let type = attribute(node, "type")
        guard type == nil || type == "html" || type == "text/html" else { return nil }
        guard let child = node.pointee.children, child.pointee.next == nil,
              child.pointee.type == XML_TEXT_NODE || child.pointee.type == XML_CDATA_SECTION_NODE,
              let text = child.pointee.content else { return nil }
        let bytes = UnsafeBufferPointer(start: text, count: strlen(text))
        guard type == "html" || type == "text/html" || bytes.contains(0x3C) else { return nil }
        return Array(bytes)
    }

    /// Runs an HTML fragment through the HTML rules into this document's collector.
    mutating func runHTML(_ fragment: [UInt8], line: Int) {
        let stream = HTMLStream()
        stream.collector = collector
        stream.lineOffset = line - 1
        fragment.withUnsafeBufferPointer { stream.parse($0, name: fileName) }
        collector = stream.collector
    }
}
