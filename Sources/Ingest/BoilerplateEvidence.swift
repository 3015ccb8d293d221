/// Reads an element's `class`, `id`, `role` and `aria-label` for signs of page chrome.
///
/// Generic evidence, not one site's markup: the names sites everywhere use for banners, menus and
/// consent boxes. Strong evidence (cookie notices, share bars, breadcrumbs, screen-reader-only
/// text) drops an element anywhere; weak evidence (header, menu, sidebar) only outside the main
/// content, and not when the same names also say "content" (`site-content has-sidebar`).
/// Works on bytes: it runs for every element that has a class, so it must not build strings.
enum BoilerplateEvidence {
    enum Strength { case none, weak, strong }

    private static let strongFragments = bytes([
        "cookie", "consent", "gdpr", "breadcrumb", "newsletter", "subscribe", "advert", "sponsor",
        "social", "share", "sharing", "skiplink", "skip-link", "skip-to", "popup", "sr-only",
        "visually-hidden", "visuallyhidden", "screen-reader", "print-only", "paywall", "comments", "commentlist",
        "comment-list", "comment-form", "disqus",
    ])
    private static let weakFragments = bytes([
        "sidebar", "navbar", "navigation", "footer", "header", "masthead", "menu", "toolbar", "pagination",
        "related", "widget", "promo", "banner", "topbar", "site-nav", "sitenav",
    ])
    private static let weakTokens = hashes(["nav", "ad", "ads", "aside", "pager", "toc", "tags", "meta"])
    private static let contentTokens = hashes([
        "content", "article", "main", "body", "post", "entry", "story", "text", "prose", "legend", "caption",
    ])

    /// Evidence in one attribute's names (`class`, `id` or `aria-label`), read in place.
    static func strength(ofNames names: UnsafeBufferPointer<UInt8>) -> Strength {
        if strongFragments.contains(where: { contains(names, $0) }) { return .strong }
        var weakToken = false
        var start = 0
        for index in 0...names.count {
            if index < names.count {
                let byte = names[index] | 0x20
                if (byte >= 0x61 && byte <= 0x7A) || (names[index] >= 0x30 && names[index] <= 0x39) { continue }
            }
            if index > start {
                let hash = ByteName.hash(UnsafeBufferPointer(rebasing: names[start..<index]))
                if contentTokens.contains(hash) { return .none }
                if weakTokens.contains(hash) { weakToken = true }
            }
            start = index + 1
        }
        if weakToken || weakFragments.contains(where: { contains(names, $0) }) { return .weak }
        return .none
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
            if byte != 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D {
                compact.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            }
            pointer += 1
        }
        return compact.withUnsafeBufferPointer {
            contains($0, Array("display:none".utf8)) || contains($0, Array("visibility:hidden".utf8))
        }
    }

    /// ASCII case-insensitive substring search; `needle` is lowercase.
    private static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        var index = 0
        let last = haystack.count - needle.count
        outer: while index <= last {
            defer { index += 1 }
            guard lowered(haystack[index]) == first else { continue }
            for offset in 1..<needle.count where lowered(haystack[index + offset]) != needle[offset] { continue outer }
            return true
        }
        return false
    }

    private static func lowered(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    private static func bytes(_ words: [String]) -> [[UInt8]] { words.map { Array($0.utf8) } }
    private static func hashes(_ words: [String]) -> Set<UInt64> { Set(words.map(ByteName.hash)) }
}
