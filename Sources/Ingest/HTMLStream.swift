internal import CLibXML2

/// Streams an HTML page through libxml2's SAX push parser into a `BlockCollector`.
///
/// SAX rather than the tree: about 1.8× faster on libxml2 2.9 and free of the tree builder's
/// silent truncation past 256 levels of nesting (see notes/libxml2.md). Input must already be
/// valid UTF-8 (`TextDecoder` sees to that); `HTML_PARSE_IGNORE_ENC` stops libxml2 from
/// re-decoding it because of a `<meta charset>`.
final class HTMLStream {
    /// Settable so an XML feed can run an embedded HTML fragment into its own collector.
    var collector = BlockCollector()
    /// Added to libxml2's line numbers when the HTML is a fragment of a larger file.
    var lineOffset = 0
    private(set) var metadata = PageMetadata()
    private var context: htmlParserCtxtPtr?
    private var evidenceCache: [UInt64: BoilerplateEvidence.Strength] = [:]

    /// Bytes handed to libxml2 per `htmlParseChunk` call: bounds its input buffer on huge pages.
    static let chunkSize = 1 << 16

    static let options = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue
            | HTML_PARSE_IGNORE_ENC.rawValue)

    /// Parses `utf8` (valid UTF-8, no BOM) to the end.
    func parse(_ utf8: UnsafeBufferPointer<UInt8>, name: String) {
        LibXML2.prepareThread()
        var sax = htmlSAXHandler()
        sax.startElement = { context, name, attributes in
            guard let context, let name else { return }
            HTMLStream.from(context).start(name, HTMLAttributes(attributes))
        }
        sax.endElement = { context, name in
            guard let context else { return }
            HTMLStream.from(context).end(name)
        }
        let characters: charactersSAXFunc = { context, text, length in
            guard let context, let text, length > 0 else { return }
            HTMLStream.from(context).characters(UnsafeBufferPointer(start: text, count: Int(length)))
        }
        sax.characters = characters
        sax.cdataBlock = characters
        sax.ignorableWhitespace = characters
        let me = Unmanaged.passUnretained(self).toOpaque()
        guard let context = name.withCString({
            htmlCreatePushParserCtxt(&sax, me, nil, 0, $0, XML_CHAR_ENCODING_UTF8)
        }) else { return }
        self.context = context
        defer {
            htmlFreeParserCtxt(context)
            self.context = nil
        }
        htmlCtxtUseOptions(context, HTMLStream.options)
        guard let base = utf8.baseAddress else {
            htmlParseChunk(context, nil, 0, 1)
            return
        }
        var offset = 0
        repeat {
            let length = min(HTMLStream.chunkSize, utf8.count - offset)
            let last: Int32 = offset + length >= utf8.count ? 1 : 0
            (base + offset).withMemoryRebound(to: CChar.self, capacity: length) {
                _ = htmlParseChunk(context, $0, Int32(length), last)
            }
            offset += length
        } while offset < utf8.count
    }

    /// The blocks and the page's metadata, once `parse` has run.
    func finish() -> (blocks: [RawBlock], metadata: PageMetadata) {
        let blocks = collector.finish()
        var metadata = metadata
        PageMetadata.first(&metadata.title, collector.title)
        return (blocks, metadata)
    }

    private static func from(_ context: UnsafeMutableRawPointer) -> HTMLStream {
        Unmanaged<HTMLStream>.fromOpaque(context).takeUnretainedValue()
    }

    private var line: Int { Int(context?.pointee.input?.pointee.line ?? 1) + lineOffset }

    /// Open `<sup>` elements: a same-page link inside one is a footnote marker.
    private var superscripts = 0

    private func end(_ name: UnsafePointer<UInt8>?) {
        if superscripts > 0, !collector.isSkipping, let name, ByteName.equals(name, "sup") { superscripts -= 1 }
        collector.close()
    }

    private func characters(_ text: UnsafeBufferPointer<UInt8>) {
        collector.text(text, endLine: line)
    }

    private func start(_ name: UnsafePointer<UInt8>, _ attributes: HTMLAttributes) {
        if collector.isSkipping {
            collector.open(.skip)
            return
        }
        let tag = HTMLTag.of(name)
        let anchor = ByteName.string(attributes.id)
        var region: RawBlock.Region = []
        if attributes.isMainRole { region.insert(.main) }
        if attributes.isArticleRole { region.insert(.article) }
        let evidence: BoilerplateEvidence.Strength
        if case .root = tag { evidence = .none } else if case .main = tag { evidence = .none } else {
            evidence = attributes.chromeEvidence(cache: &evidenceCache)
        }
        if evidence == .strong || (evidence == .weak && !collector.insideContent && region.isEmpty) {
            collector.open(.skip)
            return
        }
        switch tag {
        case .block:
            collector.open(.block, anchor: anchor, region: region)
        case .inline:
            collector.open(.inline, anchor: anchor, region: region)
        case .heading(let level):
            collector.open(.heading(level), anchor: anchor, region: region)
        case .preformatted:
            collector.open(.preformatted, anchor: anchor, region: region)
        case .row:
            collector.open(.row, anchor: anchor, region: region)
        case .cell:
            collector.open(.cell, anchor: anchor, region: region)
        case .lineBreak:
            collector.open(.lineBreak)
        case .title:
            collector.open(metadata.title == nil && collector.title == nil ? .documentTitle : .skip)
        case .skip, .nav:
            collector.open(.skip)
        case .header, .footer:
            collector.open(collector.insideSectioning || !region.isEmpty ? .block : .skip, anchor: anchor, region: region)
        case .aside:
            collector.open(collector.insideContent ? .block : .skip, anchor: anchor, region: region.union(.sectioning))
        case .main:
            collector.open(.block, anchor: anchor, region: region.union(.main))
        case .article:
            collector.open(.block, anchor: anchor, region: region.union([.article, .sectioning]))
        case .section:
            collector.open(.block, anchor: anchor, region: region.union(.sectioning))
        case .form:
            collector.open(.block, anchor: anchor, region: region.union(.form))
        case .superscript:
            superscripts += 1
            collector.open(.inline, anchor: anchor, region: region)
        case .anchor:
            // Footnote markers ("adopted.¹") would glue a number to the sentence a reader quotes.
            if superscripts > 0, let href = attributes.href, href.pointee == 0x23 {
                collector.open(.skip)
                return
            }
            let target = anchor ?? ByteName.string(attributes.name)
            collector.open(.inline, anchor: target, anchorAlways: attributes.href == nil, link: attributes.href != nil)
        case .root:
            if attributes.lang != nil, ByteName.equals(name, "html") {
                PageMetadata.first(&metadata.language, ByteName.string(attributes.lang))
            }
            collector.open(.block, anchor: anchor, region: region)
        case .meta:
            readMeta(attributes)
            collector.open(.inline)
        case .link:
            if let rel = attributes.rel, ByteName.equals(rel, "canonical") {
                PageMetadata.first(&metadata.canonicalURL, ByteName.string(attributes.href))
            }
            collector.open(.inline)
        case .time:
            if collector.insideContent {
                PageMetadata.first(&metadata.timeDate, ByteName.string(attributes.datetime))
            }
            collector.open(.inline, anchor: anchor, region: region)
        }
    }

    private func readMeta(_ attributes: HTMLAttributes) {
        guard let content = attributes.content else { return }
        let key = attributes.name ?? attributes.property
        if let key {
            switch ByteName.hash(key) {
            case Self.descriptionKey, Self.ogDescriptionKey:
                PageMetadata.first(&metadata.description, ByteName.string(content))
            case Self.ogURLKey:
                PageMetadata.first(&metadata.openGraphURL, ByteName.string(content))
            case Self.ogTitleKey:
                PageMetadata.first(&metadata.fallbackTitle, ByteName.string(content))
            case let hash where Self.dateKeys.contains(hash):
                PageMetadata.first(&metadata.date, PageMetadata.normalizedDate(ByteName.string(content)))
            default:
                break
            }
        } else if let equiv = attributes.httpEquiv, ByteName.equals(equiv, "content-language") {
            PageMetadata.first(&metadata.language, ByteName.string(content))
        }
    }

    private static let descriptionKey = ByteName.hash("description")
    private static let ogDescriptionKey = ByteName.hash("og:description")
    private static let ogURLKey = ByteName.hash("og:url")
    private static let ogTitleKey = ByteName.hash("og:title")
    private static let dateKeys: Set<UInt64> = Set([
        "article:published_time", "date", "dc.date", "dcterms.date", "dc.date.issued", "dcterms.issued",
        "dcterms.created", "citation_publication_date", "citation_date", "pubdate", "publish-date",
        "publication_date", "article:modified_time", "dcterms.modified",
    ].map(ByteName.hash))
}
