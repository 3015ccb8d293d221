/// Reads an element's `class`, `id`, `role` and `aria-label` for signs of page chrome.
///
/// Generic evidence, not one site's markup: the names sites everywhere use for banners, menus and
/// consent boxes. Strong evidence (cookie notices, share bars, breadcrumbs, screen-reader-only
/// text, comments) drops an element anywhere; weak evidence (header, menu, sidebar) only outside
/// the main content, and not when the same class also says "content" (`site-content has-sidebar`).
///
/// Classes and labels are matched by whole words (`cookie-banner` → `cookie`, `banner`), never by
/// substring, and ids only against a short list of whole chrome ids: ids are usually slugs of
/// headings, so `id="module-http.cookies"` is a section about cookies, not a cookie notice.
/// Works on bytes: it runs for every element that has a class, so it must not build strings.
enum BoilerplateEvidence {
    enum Strength { case none, weak, strong }

    /// Words that start a strong-evidence word (`cookies`, `sharing`, `breadcrumbs`…).
    private static let strongStems = bytes([
        "cookie", "consent", "gdpr", "breadcrumb", "newsletter", "subscribe", "advert", "sponsor", "social",
        "share", "sharing", "popup", "paywall", "comments", "commentlist", "disqus", "skiplink", "onetrust",
    ])
    /// Word pairs that are strong only together (`sr-only`, `skip-link`, `comment-list`).
    private static let strongPairs: [(UInt64, UInt64)] = [
        ("sr", "only"), ("visually", "hidden"), ("screen", "reader"), ("skip", "link"), ("skip", "to"),
        ("print", "only"), ("comment", "list"), ("comment", "form"), ("comment", "respond"),
    ].map { (ByteName.hash($0.0), ByteName.hash($0.1)) }
    private static let weakStems = bytes([
        "sidebar", "navbar", "navigation", "footer", "header", "masthead", "menu", "toolbar", "pagination",
        "related", "widget", "promo", "banner", "topbar", "sitenav",
    ])
    private static let weakWords = hashes(["nav", "ad", "ads", "aside", "pager", "toc", "tags", "meta"])
    private static let contentWords = hashes([
        "content", "article", "main", "body", "post", "entry", "story", "text", "prose", "legend", "caption",
    ])
    /// Whole ids that name chrome.
    private static let strongIDs = hashes([
        "breadcrumb", "breadcrumbs", "comments", "respond", "share", "sharing", "newsletter", "cookie-banner",
        "cookie-notice", "cookie-consent", "cookie-law-info-bar", "cookiebanner", "gdpr-banner", "skip-link",
    ])
    private static let weakIDs = hashes([
        "nav", "navigation", "navbar", "header", "footer", "sidebar", "masthead", "menu", "toc", "secondary",
        "colophon", "site-header", "site-footer", "site-navigation", "topbar", "related", "banner",
    ])

    /// Evidence in a `class` or `aria-label` value, word by word, read in place.
    static func strength(ofNames names: UnsafeBufferPointer<UInt8>) -> Strength {
        var weak = false
        var previous: UInt64?
        var start = 0
        for index in 0...names.count {
            if index < names.count {
                let byte = names[index]
                let letter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
                if letter || (byte >= 0x30 && byte <= 0x39) { continue }
            }
            if index > start {
                let word = UnsafeBufferPointer(rebasing: names[start..<index])
                let hash = ByteName.hash(word)
                if strongStems.contains(where: { ByteName.hasPrefix(word, $0) }) { return .strong }
                if let previous, strongPairs.contains(where: { $0.0 == previous && $0.1 == hash }) { return .strong }
                if contentWords.contains(hash) { return .none }
                if weakWords.contains(hash) || weakStems.contains(where: { ByteName.hasPrefix(word, $0) }) { weak = true }
                previous = hash
            }
            start = index + 1
        }
        return weak ? .weak : .none
    }

    /// Evidence in an `id`: only whole chrome ids count.
    static func strength(ofID id: UnsafeBufferPointer<UInt8>) -> Strength {
        let hash = ByteName.hash(id)
        if strongIDs.contains(hash) { return .strong }
        return weakIDs.contains(hash) ? .weak : .none
    }

    /// ARIA landmark and widget roles that mark chrome; `complementary` only counts outside the content.
    static func strength(ofRole role: UnsafePointer<UInt8>) -> Strength {
        for strong: StaticString in [
            "navigation", "banner", "contentinfo", "search", "dialog", "alertdialog", "menu", "menubar",
            "toolbar", "tablist", "form",
        ] where ByteName.equals(role, strong) {
            return .strong
        }
        return ByteName.equals(role, "complementary") ? .weak : .none
    }

    /// `style="display: none"` or `visibility: hidden`.
    static func hidesElement(style: UnsafePointer<UInt8>) -> Bool {
        var compact: [UInt8] = []
        var pointer = style
        while pointer.pointee != 0 {
            let byte = pointer.pointee
            if byte != 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D { compact.append(byte) }
            pointer += 1
        }
        return compact.withUnsafeBufferPointer {
            ByteName.firstIndex(of: Array("display:none".utf8), in: $0) != nil
                || ByteName.firstIndex(of: Array("visibility:hidden".utf8), in: $0) != nil
        }
    }

    private static func bytes(_ words: [String]) -> [[UInt8]] { words.map { Array($0.utf8) } }
    private static func hashes(_ words: [String]) -> Set<UInt64> { Set(words.map(ByteName.hash)) }
}
