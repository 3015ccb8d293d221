/// Decides which streamed blocks are the page's content, from evidence gathered on the way.
///
/// Order of trust: a declared main region (`<main>`, `role=main`), narrowed to its articles when
/// they hold most of its text (what is left around them is comments and "related" boxes), else the
/// page's articles, else the whole body minus link-dense blocks (menus and link lists nobody
/// marked up as such).
/// A declared region is trusted only when it holds a real share of the page's text: a `<main>`
/// wrapped around a search box while the prose sits outside it is a markup mistake, not a verdict.
/// Forms are dropped unless they hold most of the text (whole-page ASP.NET-style forms).
enum ContentSelector {
    /// A block whose link text exceeds this share of its text is navigation, not prose.
    static let maximumLinkDensity = 0.5
    /// The smallest share of the page's text a declared main region or article set must hold.
    static let minimumRegionShare = 0.25

    static func select(_ blocks: [RawBlock]) -> [RawBlock] {
        let text = blocks.filter { $0.kind == .text }
        let total = text.reduce(0) { $0 + $1.textBytes }
        func bytes(in region: RawBlock.Region) -> Int {
            text.reduce(0) { $0 + ($1.region.contains(region) ? $1.textBytes : 0) }
        }
        func substantial(_ share: Int) -> Bool { share > 0 && Double(share) >= minimumRegionShare * Double(total) }
        let region: RawBlock.Region
        let inMain = bytes(in: .main)
        if substantial(inMain) {
            region = bytes(in: [.main, .article]) * 2 >= inMain ? [.main, .article] : .main
        } else if substantial(bytes(in: .article)) {
            region = .article
        } else {
            region = []
        }
        let inForms = bytes(in: .form)
        let dropForms = inForms * 2 < total
        var kept: [RawBlock] = []
        kept.reserveCapacity(blocks.count)
        for var block in blocks {
            if !region.isEmpty, !block.region.contains(region), !block.isSectionEnd { continue }
            if dropForms, block.region.contains(.form), block.kind == .text { continue }
            if region.isEmpty, block.kind == .text, isLinkDense(block) { continue }
            if region.contains(.article) {
                block.anchor = block.articleAnchor
            } else if region == .main {
                block.anchor = block.mainAnchor
            }
            kept.append(block)
        }
        return kept
    }

    private static func isLinkDense(_ block: RawBlock) -> Bool {
        Double(block.linkBytes) > maximumLinkDensity * Double(max(block.textBytes, 1))
    }
}
