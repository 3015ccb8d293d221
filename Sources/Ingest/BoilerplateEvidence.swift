/// Reads an element's `class`, `id`, `role` and `aria-label` for signs of page chrome.
///
/// Generic evidence, not one site's markup: the names sites everywhere use for banners, menus and
/// consent boxes. Strong evidence (cookie notices, share bars, breadcrumbs, screen-reader-only
/// text) drops an element anywhere; weak evidence (header, menu, sidebar) only outside the main
/// content, and not when the same names also say "content" (`site-content has-sidebar`).
enum BoilerplateEvidence {
    enum Strength { case none, weak, strong }

    private static let strongFragments: [String] = [
        "cookie", "consent", "gdpr", "breadcrumb", "newsletter", "subscribe", "advert", "sponsor",
        "social", "share", "sharing", "skiplink", "skip-link", "skip-to", "popup", "sr-only",
        "visually-hidden", "visuallyhidden", "screen-reader", "print-only", "paywall",
    ]
    private static let weakFragments: [String] = [
        "sidebar", "navbar", "navigation", "footer", "header", "masthead", "menu", "toolbar", "pagination",
        "related", "widget", "promo", "banner", "comment", "disqus", "topbar", "site-nav", "sitenav",
    ]
    private static let weakTokens: Set<String> = ["nav", "ad", "ads", "aside", "pager", "toc", "tags", "meta"]
    private static let contentTokens: Set<String> = [
        "content", "article", "main", "body", "post", "entry", "story", "text", "prose", "legend", "caption",
    ]

    static func strength(of names: String) -> Strength {
        let lowered = names.lowercased()
        if strongFragments.contains(where: { lowered.contains($0) }) { return .strong }
        let tokens = lowered.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
        if tokens.contains(where: { contentTokens.contains($0) }) { return .none }
        if weakFragments.contains(where: { lowered.contains($0) }) { return .weak }
        if tokens.contains(where: { weakTokens.contains($0) }) { return .weak }
        return .none
    }

    /// ARIA landmark and widget roles that mark chrome; `complementary` only counts outside the content.
    static func strength(ofRole role: String) -> Strength {
        switch role.lowercased() {
        case "navigation", "banner", "contentinfo", "search", "dialog", "alertdialog", "menu", "menubar",
             "toolbar", "tablist", "form":
            return .strong
        case "complementary":
            return .weak
        default:
            return .none
        }
    }

    /// `style="display: none"` or `visibility: hidden`.
    static func hidesElement(style: String) -> Bool {
        let compact = String(style.lowercased().filter { !$0.isWhitespace })
        return compact.contains("display:none") || compact.contains("visibility:hidden")
    }
}
