#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The attributes the extractor reads, as pointers into libxml2's attribute array.
///
/// - Warning: valid only during the SAX callback that received them.
struct HTMLAttributes {
    var id: UnsafePointer<UInt8>?
    var name: UnsafePointer<UInt8>?
    var className: UnsafePointer<UInt8>?
    var role: UnsafePointer<UInt8>?
    var ariaLabel: UnsafePointer<UInt8>?
    var style: UnsafePointer<UInt8>?
    var href: UnsafePointer<UInt8>?
    var lang: UnsafePointer<UInt8>?
    var rel: UnsafePointer<UInt8>?
    var property: UnsafePointer<UInt8>?
    var content: UnsafePointer<UInt8>?
    var httpEquiv: UnsafePointer<UInt8>?
    var datetime: UnsafePointer<UInt8>?
    var hidden = false
    var ariaHidden = false

    init(_ pairs: UnsafeMutablePointer<UnsafePointer<UInt8>?>?) {
        guard let pairs else { return }
        var index = 0
        while let key = pairs[index] {
            let value = pairs[index + 1]
            index += 2
            switch key.pointee | 0x20 {
            case 0x61:  // a
                if ByteName.equals(key, "aria-hidden") {
                    ariaHidden = value.map { ByteName.equals($0, "true") } ?? false
                } else if ByteName.equals(key, "aria-label") {
                    ariaLabel = value
                }
            case 0x63:  // c
                if ByteName.equals(key, "class") { className = value }
                else if ByteName.equals(key, "content") { content = value }
            case 0x64:
                if ByteName.equals(key, "datetime") { datetime = value }
            case 0x68:  // h
                if ByteName.equals(key, "href") { href = value }
                else if ByteName.equals(key, "hidden") { hidden = true }
                else if ByteName.equals(key, "http-equiv") { httpEquiv = value }
            case 0x69:
                if ByteName.equals(key, "id") { id = value }
            case 0x6C:
                if ByteName.equals(key, "lang") { lang = value }
            case 0x6E:
                if ByteName.equals(key, "name") { name = value }
            case 0x70:
                if ByteName.equals(key, "property") { property = value }
            case 0x72:  // r
                if ByteName.equals(key, "role") { role = value }
                else if ByteName.equals(key, "rel") { rel = value }
            case 0x73:
                if ByteName.equals(key, "style") { style = value }
            case 0x78:  // xml:lang
                if ByteName.equals(key, "xml:lang"), lang == nil { lang = value }
            default:
                break
            }
        }
    }

    /// Whether the element's own markup says it is invisible or page chrome, and how strongly.
    /// `cache` remembers the verdict per class value: pages repeat the same few (syntax-highlighted
    /// code alone has thousands of `<span class="n">`); ids and labels are read in place.
    func chromeEvidence(cache: inout [UInt64: BoilerplateEvidence.Strength]) -> BoilerplateEvidence.Strength {
        if hidden || ariaHidden { return .strong }
        if let style, BoilerplateEvidence.hidesElement(style: style) { return .strong }
        var strength = BoilerplateEvidence.Strength.none
        if let role {
            strength = BoilerplateEvidence.strength(ofRole: role)
            if strength == .strong { return .strong }
        }
        if let className {
            let names = UnsafeBufferPointer(start: className, count: strlen(className))
            let key = ByteName.hash(names)
            let verdict = cache[key] ?? BoilerplateEvidence.strength(ofNames: names)
            cache[key] = verdict
            strength = Self.stronger(strength, verdict)
        }
        if let id, strength != .strong {
            strength = Self.stronger(strength, BoilerplateEvidence.strength(ofID: UnsafeBufferPointer(start: id, count: strlen(id))))
        }
        if let ariaLabel, strength != .strong {
            let label = UnsafeBufferPointer(start: ariaLabel, count: strlen(ariaLabel))
            strength = Self.stronger(strength, BoilerplateEvidence.strength(ofNames: label))
        }
        return strength
    }

    private static func stronger(_ a: BoilerplateEvidence.Strength, _ b: BoilerplateEvidence.Strength) -> BoilerplateEvidence.Strength {
        if a == .strong || b == .strong { return .strong }
        return a == .weak || b == .weak ? .weak : .none
    }

    var isMainRole: Bool { role.map { ByteName.equals($0, "main") } ?? false }
    var isArticleRole: Bool { role.map { ByteName.equals($0, "article") } ?? false }
}
