/// The streaming core shared by the HTML and XML front ends: element open/close and text events
/// in, `RawBlock`s out.
///
/// It keeps an explicit stack instead of recursing, so a page nested 100,000 levels deep costs
/// memory proportional to its size and nothing else. Text is folded byte by byte (runs of
/// whitespace become one space, never dropped between words) and becomes a `String` only once per
/// block.
struct BlockCollector {
    private struct Frame {
        var role: ElementRole
        var link: Bool
        var region: RawBlock.Region
        /// `buffer.count` when a link opened, to recognise a permalink mark (`¶`) as its whole text.
        var mark: Int
    }

    private(set) var blocks: [RawBlock] = []
    /// Text of the first `documentTitle` element.
    private(set) var title: String?

    private var stack: [Frame] = []
    private var skipDepth = 0
    private var buffer: [UInt8] = []
    private var pendingSpace = false
    private var pendingCell = false
    private var capturingTitle = false
    private var headingLevel: Int?
    private var preDepth = 0
    private var linkDepth = 0
    private var sectionDepth = 0
    private var regionDepth = (main: 0, article: 0, form: 0, sectioning: 0)
    /// Index in `stack` of the table row whose cells are being joined, if any.
    private var rowFrame: Int?

    private var lastAnchor: String?
    private var lastMainAnchor: String?
    private var lastArticleAnchor: String?

    private var start = RawBlock(
        kind: .text, text: "", line: 0, anchor: nil, mainAnchor: nil, articleAnchor: nil,
        region: [], linkBytes: 0, textBytes: 0, words: 0, preformatted: false)

    /// True while inside `<main>`/`role=main` or an `<article>`: page chrome evidence is weaker there.
    var insideContent: Bool { regionDepth.main > 0 || regionDepth.article > 0 }
    var insideSectioning: Bool { regionDepth.sectioning > 0 }
    var isSkipping: Bool { skipDepth > 0 }

    /// - Parameters:
    ///   - anchor: the element's `id` (or `<a name>`); it becomes the anchor of what follows.
    ///   - anchorAlways: an explicit anchor (`<a name>`) counts even in the middle of a block;
    ///     other inline ids there (footnote markers) would mislabel the next block.
    mutating func open(
        _ role: ElementRole, anchor: String? = nil, anchorAlways: Bool = false,
        link: Bool = false, region: RawBlock.Region = []
    ) {
        if skipDepth > 0 || role == .skip {
            skipDepth += 1
            return
        }
        if region.contains(.main) { regionDepth.main += 1 }
        if region.contains(.article) { regionDepth.article += 1 }
        if region.contains(.form) { regionDepth.form += 1 }
        if region.contains(.sectioning) { regionDepth.sectioning += 1 }
        if let anchor, !anchor.isEmpty, role != .inline || anchorAlways || buffer.isEmpty {
            lastAnchor = anchor
            if regionDepth.main > 0 { lastMainAnchor = anchor }
            if regionDepth.article > 0 { lastArticleAnchor = anchor }
        }
        switch role {
        case .inline:
            if link { linkDepth += 1 }
        case .block:
            boundary()
        case .preformatted:
            boundary()
            preDepth += 1
        case .heading(let level):
            leaveRow()
            flush()
            headingLevel = level
        case .sectionTitle:
            leaveRow()
            flush()
            headingLevel = sectionDepth + 1
        case .section:
            leaveRow()
            flush()
            sectionDepth += 1
        case .row:
            flush()
            rowFrame = stack.count
        case .cell:
            if rowFrame != nil {
                if !buffer.isEmpty { pendingCell = true }
            } else {
                flush()
            }
        case .lineBreak:
            if preDepth == 0 {
                pendingSpace = true
            } else if !buffer.isEmpty {
                buffer.append(0x0A)
            }
        case .documentTitle:
            flush()
            capturingTitle = true
        case .skip:
            break
        }
        stack.append(Frame(role: role, link: link, region: region, mark: buffer.count))
    }

    mutating func close() {
        if skipDepth > 0 {
            skipDepth -= 1
            return
        }
        guard let frame = stack.popLast() else { return }
        switch frame.role {
        case .inline:
            if frame.link {
                linkDepth -= 1
                dropPermalinkMark(from: frame.mark)
            }
        case .block, .cell:
            boundary()
        case .preformatted:
            flush()
            preDepth -= 1
        case .heading, .sectionTitle:
            flush()
            headingLevel = nil
        case .section:
            flush()
            blocks.append(marker(.sectionEnd(sectionDepth + 1)))
            sectionDepth -= 1
        case .row:
            flush()
            if rowFrame == stack.count { rowFrame = nil }
        case .documentTitle:
            if title == nil, !buffer.isEmpty { title = String(decoding: buffer, as: UTF8.self) }
            buffer.removeAll(keepingCapacity: true)
            pendingSpace = false
            capturingTitle = false
        case .lineBreak, .skip:
            break
        }
        if frame.region.contains(.main) { regionDepth.main -= 1 }
        if frame.region.contains(.article) { regionDepth.article -= 1 }
        if frame.region.contains(.form) { regionDepth.form -= 1 }
        if frame.region.contains(.sectioning) { regionDepth.sectioning -= 1 }
    }

    /// Appends text; `endLine` is the source line where `bytes` ends (what a streaming parser knows).
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>, endLine: Int) {
        guard skipDepth == 0, !bytes.isEmpty else { return }
        let preformatted = preDepth > 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            let isSpace: Bool
            var width = 1
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                isSpace = true
            } else if byte == 0xC2, index + 1 < count, bytes[index + 1] == 0xA0, !preformatted {
                isSpace = true
                width = 2
            } else {
                isSpace = false
            }
            if preformatted {
                if byte != 0x0D, !(buffer.isEmpty && isSpace) {
                    if buffer.isEmpty { beginBlock(bytes, at: index, endLine: endLine) }
                    if !isSpace, buffer.last.map({ $0 == 0x20 || $0 == 0x0A || $0 == 0x09 }) ?? true { start.words += 1 }
                    buffer.append(byte)
                    if linkDepth > 0 { start.linkBytes += 1 }
                }
            } else if isSpace {
                pendingSpace = true
            } else {
                if buffer.isEmpty {
                    beginBlock(bytes, at: index, endLine: endLine)
                    start.words = 1
                } else if pendingCell {
                    buffer.append(contentsOf: [0x20, 0xE2, 0x80, 0x94, 0x20])
                    start.words += 2
                } else if pendingSpace {
                    buffer.append(0x20)
                    start.words += 1
                }
                pendingSpace = false
                pendingCell = false
                buffer.append(byte)
                if linkDepth > 0 { start.linkBytes += 1 }
            }
            index += width
        }
    }

    /// Flushes what is pending and returns the blocks.
    mutating func finish() -> [RawBlock] {
        flush()
        return blocks
    }

    // MARK: - Blocks

    private mutating func beginBlock(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, endLine: Int) {
        var newlines = 0
        for byte in bytes[index...] where byte == 0x0A { newlines += 1 }
        var region: RawBlock.Region = []
        if regionDepth.main > 0 { region.insert(.main) }
        if regionDepth.article > 0 { region.insert(.article) }
        if regionDepth.form > 0 { region.insert(.form) }
        start = RawBlock(
            kind: .text, text: "", line: max(1, endLine - newlines), anchor: lastAnchor,
            mainAnchor: lastMainAnchor, articleAnchor: lastArticleAnchor, region: region,
            linkBytes: 0, textBytes: 0, words: 0, preformatted: preDepth > 0)
        pendingSpace = false
        pendingCell = false
    }

    /// A block boundary; inside a table row it only separates words, so a row stays one block.
    private mutating func boundary() {
        if rowFrame != nil { pendingSpace = true } else { flush() }
    }

    /// A heading or section inside a table cell means the table is page layout, not data.
    private mutating func leaveRow() {
        if rowFrame != nil {
            flush()
            rowFrame = nil
        }
    }

    private mutating func flush() {
        pendingSpace = false
        pendingCell = false
        guard !buffer.isEmpty, !capturingTitle else { return }
        if start.preformatted {
            while let last = buffer.last, last == 0x20 || last == 0x0A || last == 0x09 { buffer.removeLast() }
        }
        if headingLevel != nil { trimPermalinkMarks() }
        guard !buffer.isEmpty else { return }
        var block = start
        block.kind = headingLevel.map { .heading($0) } ?? .text
        block.text = String(decoding: buffer, as: UTF8.self)
        block.textBytes = buffer.count
        blocks.append(block)
        buffer.removeAll(keepingCapacity: true)
    }

    /// A link whose whole text is a permalink mark ("¶" after a definition term) is navigation.
    private mutating func dropPermalinkMark(from mark: Int) {
        guard mark < buffer.count else { return }
        let from = buffer[mark] == 0x20 ? mark + 1 : mark
        let marks: [[UInt8]] = [[0xC2, 0xB6], [0xC2, 0xA7], [0x23], [0xF0, 0x9F, 0x94, 0x97]]
        guard marks.contains(where: { buffer[from...].elementsEqual($0) }) else { return }
        start.linkBytes = max(0, start.linkBytes - (buffer.count - from))
        buffer.removeSubrange(mark...)
        start.words = TextMeasure.wordCount(bytes: buffer)
    }

    /// Drops the "¶", "§", "#" or "🔗" that documentation generators append to headings as
    /// permalinks: they are not part of the section's name.
    private mutating func trimPermalinkMarks() {
        while true {
            if buffer.last == 0x20 || buffer.last == 0x23 {
                buffer.removeLast()
            } else if buffer.count >= 2, buffer[buffer.count - 2] == 0xC2, buffer.last == 0xB6 || buffer.last == 0xA7 {
                buffer.removeLast(2)
            } else if buffer.count >= 4, buffer.suffix(4).elementsEqual([0xF0, 0x9F, 0x94, 0x97]) {
                buffer.removeLast(4)
            } else {
                return
            }
        }
    }

    private func marker(_ kind: RawBlock.Kind) -> RawBlock {
        var block = start
        block.kind = kind
        block.text = ""
        return block
    }
}
