/// Turns selected blocks into paragraph-sized passages with their section paths.
///
/// Rules, in order: a heading or section end closes the open passage (a passage never crosses a
/// heading); short blocks of one section merge (joined by a line break) until the passage reaches
/// `minWords`; a block longer than `maxWords` is cut at sentence ends into near-equal pieces; a short
/// tail merges back into the passage before it when the two fit in `maxWords`.
struct PassageAssembler {
    struct Draft: Equatable {
        var section: [String]
        var text: String
        var line: Int
        var anchor: String?
        var words: Int
    }

    let options: IngestOptions
    private var headings: [(level: Int, title: String)] = []
    private var drafts: [Draft] = []
    private var current: Draft?
    /// First draft of the current section: merging back never reaches before it.
    private var sectionStart = 0

    init(options: IngestOptions) {
        self.options = IngestOptions(
            minWords: max(1, options.minWords), maxWords: max(options.maxWords, options.minWords, 1))
    }

    static func assemble(_ blocks: [RawBlock], options: IngestOptions) -> [Draft] {
        var assembler = PassageAssembler(options: options)
        for block in blocks { assembler.add(block) }
        assembler.close()
        return assembler.drafts
    }

    private mutating func add(_ block: RawBlock) {
        switch block.kind {
        case .heading(let level):
            closeSection(level: level)
            headings.append((level, block.text))
        case .sectionEnd(let level):
            closeSection(level: level)
        case .text:
            addText(block)
        }
    }

    private mutating func closeSection(level: Int) {
        close()
        while let last = headings.last, last.level >= level { headings.removeLast() }
        sectionStart = drafts.count
    }

    private mutating func addText(_ block: RawBlock) {
        let words = block.words
        if words > options.maxWords {
            close()
            let pieces = TextMeasure.split(block.text, maxWords: options.maxWords, atLines: block.preformatted)
            for (offset, piece) in pieces.enumerated() {
                current = Draft(
                    section: headings.map(\.title), text: piece, line: block.line, anchor: block.anchor,
                    words: TextMeasure.wordCount(piece))
                if offset < pieces.count - 1 { close() }
            }
            return
        }
        if let open = current, open.words >= options.minWords || open.words + words > options.maxWords {
            close()
        }
        if current == nil {
            current = Draft(
                section: headings.map(\.title), text: block.text, line: block.line, anchor: block.anchor,
                words: words)
        } else {
            current?.text.append("\n")
            current?.text.append(block.text)
            current?.words += words
        }
    }

    private mutating func close() {
        guard let draft = current else { return }
        current = nil
        if draft.words < options.minWords, drafts.count > sectionStart,
           let last = drafts.last, last.words + draft.words <= options.maxWords {
            drafts[drafts.count - 1].text.append("\n")
            drafts[drafts.count - 1].text.append(draft.text)
            drafts[drafts.count - 1].words += draft.words
        } else {
            drafts.append(draft)
        }
    }
}
