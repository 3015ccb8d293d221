#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import CLibXML2

/// Walks a parsed XML tree without recursion (children/next/parent pointers), emitting
/// `BlockCollector` events by the generic mapping, and reads the document's title and dates.
///
/// - Warning: holds raw pointers into a tree owned by `XMLStream.parse`; never outlives it.
struct XMLTreeWalker {
    private struct Frame {
        /// Children of a parent with its own text are inline (mixed content).
        var mixed: Bool
        var section: Bool
        var row: Bool
        var metadata: Bool
    }

    let root: xmlNodePtr
    let fileName: String
    var collector = BlockCollector()
    var metadata = PageMetadata()
    private var frames: [Frame] = []
    var titleNode: xmlNodePtr?

    init(root: xmlNodePtr, fileName: String) {
        self.root = root
        self.fileName = fileName
    }

    mutating func run() -> (blocks: [RawBlock], metadata: PageMetadata) {
        readMetadata()
        if let title = metadata.title {
            collector.open(.heading(1))
            Array(title.utf8).withUnsafeBufferPointer { collector.text($0, endLine: titleLine) }
            collector.close()
        }
        var current: xmlNodePtr? = root
        while let node = current {
            var descend = false
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                descend = enter(node)
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                text(node)
            case XML_ENTITY_REF_NODE:
                entity(node)
            default:
                break
            }
            if descend, node.pointee.children == nil { exit() }
            current = Self.next(after: node, descending: descend, within: root) { exit() }
        }
        return (collector.finish(), metadata)
    }

    /// The node after `node` in document order, without recursion: its first child when
    /// `descending`, else its next sibling or the next sibling of the nearest ancestor that has
    /// one (calling `leave` for each ancestor left on the way); nil after the last node under `root`.
    static func next(
        after node: xmlNodePtr, descending: Bool, within root: xmlNodePtr, leave: () -> Void
    ) -> xmlNodePtr? {
        if descending, let child = node.pointee.children { return child }
        var position = node
        while position != root {
            if let next = position.pointee.next { return next }
            guard let parent = position.pointee.parent else { return nil }
            leave()
            position = parent
        }
        return nil
    }

    private var titleLine: Int { titleNode.map { Int(xmlGetLineNo($0)) } ?? 1 }

    // MARK: - Elements

    /// Opens `node` in the collector; false when its subtree is skipped.
    private mutating func enter(_ node: xmlNodePtr) -> Bool {
        guard let name = node.pointee.name else { return false }
        let parent = frames.last
        let kind = XMLName.kind(name)
        var role: ElementRole
        var frame = Frame(mixed: hasOwnText(node), section: false, row: false, metadata: parent?.metadata ?? false)
        if frame.metadata, kind != .metadataContainer, kind != .abstract { return false }
        let mixed = parent?.mixed ?? false
        switch kind {
        case .metadata where mixed:
            role = .inline
        case .metadata, .footnote:
            return false
        case .captionOwner where mixed && ByteName.equals(name, "note"):
            return false
        case .metadataContainer:
            frame.metadata = true
            role = .block
        case .title:
            if node == titleNode { return false }
            role = parent?.section ?? true ? .sectionTitle : .block
        case .section:
            role = .section
        case .abstract:
            role = hasTitleChild(node) ? .section : .block
            frame.metadata = false
        case .preformatted:
            role = mixed ? .inline : .preformatted
        case .row:
            role = .row
            frame.row = true
        case .cell:
            role = .cell
        case .lineBreak:
            role = .lineBreak
        case .block, .captionOwner:
            role = .block
        case nil:
            if parent?.row ?? false, XMLName.isEntry(name) {
                role = .cell
            } else if node != root, hasTitleChild(node) {
                role = .section
            } else {
                role = mixed ? .inline : .block
            }
        }
        if mixed, role == .block { role = .inline }
        frame.section = role == .section || node == root
        if role != .inline, role != .lineBreak, let fragment = htmlFragment(node, name: name) {
            collector.open(role, anchor: anchor(node))
            runHTML(fragment, line: Int(xmlGetLineNo(node)))
            collector.close()
            return false
        }
        collector.open(role, anchor: anchor(node))
        frames.append(frame)
        return true
    }

    private mutating func exit() {
        frames.removeLast()
        collector.close()
    }

    private mutating func text(_ node: xmlNodePtr) {
        guard let content = node.pointee.content else { return }
        let length = strlen(content)
        let buffer = UnsafeBufferPointer(start: content, count: length)
        // libxml2 stamps a text node with the line where its first parsed chunk ended; the parent's
        // start tag plus the node's line breaks bounds where the text really ends.
        var newlines = 0
        for byte in buffer where byte == 0x0A { newlines += 1 }
        let parentLine = node.pointee.parent.map { Int(xmlGetLineNo($0)) } ?? 1
        collector.text(buffer, endLine: max(Int(xmlGetLineNo(node)), parentLine + newlines))
    }

    /// An unexpanded internal entity: its replacement text, one level, only when it is plain text
    /// (nested references are how billion-laughs documents grow). An entity the document never
    /// declares (its DTD is not loaded) is read as the HTML entity of that name, the usual intent
    /// of `&mdash;` or `&nbsp;` in DocBook and JATS.
    private mutating func entity(_ node: xmlNodePtr) {
        guard let entity = UnsafeMutableRawPointer(node.pointee.children)?.assumingMemoryBound(to: xmlEntity.self) else {
            guard let name = node.pointee.name, let known = htmlEntityLookup(name) else { return }
            let bytes = Array(String(Unicode.Scalar(known.pointee.value).map(Character.init) ?? " ").utf8)
            bytes.withUnsafeBufferPointer { collector.text($0, endLine: Int(xmlGetLineNo(node))) }
            return
        }
        guard entity.pointee.etype == XML_INTERNAL_GENERAL_ENTITY, let content = entity.pointee.content else { return }
        let buffer = UnsafeBufferPointer(start: content, count: strlen(content))
        guard !buffer.contains(0x26), !buffer.contains(0x3C) else { return }
        collector.text(buffer, endLine: Int(xmlGetLineNo(node)))
    }

    private func hasOwnText(_ node: xmlNodePtr) -> Bool {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE,
               let content = current.pointee.content {
                var pointer = content
                while pointer.pointee != 0 {
                    let byte = pointer.pointee
                    if !(byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D) { return true }
                    pointer += 1
                }
            } else if current.pointee.type == XML_ENTITY_REF_NODE {
                return true
            }
            child = current.pointee.next
        }
        return false
    }

    private func hasTitleChild(_ node: xmlNodePtr) -> Bool {
        var child = node.pointee.children
        var elements = 0
        while let current = child, elements < 4 {
            if current.pointee.type == XML_ELEMENT_NODE, let name = current.pointee.name {
                if XMLName.kind(name) == .title { return true }
                elements += 1
            }
            child = current.pointee.next
        }
        return false
    }

    /// `id` or `xml:id` (any namespace), or `name` on an `a`.
    private func anchor(_ node: xmlNodePtr) -> String? {
        var attribute = node.pointee.properties
        while let current = attribute {
            if let name = current.pointee.name, ByteName.equals(name, "id") || (ByteName.equals(name, "name") && isAnchorElement(node)) {
                return attributeValue(current)
            }
            attribute = current.pointee.next
        }
        return nil
    }

    private func attributeValue(_ attribute: xmlAttrPtr) -> String? {
        guard let text = attribute.pointee.children, let content = text.pointee.content else { return nil }
        return ByteName.normalized(String(cString: content))
    }

    func attribute(_ node: xmlNodePtr, _ wanted: StaticString) -> String? {
        var attribute = node.pointee.properties
        while let current = attribute {
            if let name = current.pointee.name, ByteName.equals(name, wanted) { return attributeValue(current) }
            attribute = current.pointee.next
        }
        return nil
    }
}

private func isAnchorElement(_ node: xmlNodePtr) -> Bool {
    guard let name = node.pointee.name else { return false }
    return ByteName.equals(name, "a")
}
