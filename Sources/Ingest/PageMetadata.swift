/// What a page says about itself, gathered while streaming; the best candidate wins at the end.
struct PageMetadata {
    var title: String?
    var fallbackTitle: String?
    var canonicalURL: String?
    var openGraphURL: String?
    var language: String?
    var description: String?
    var date: String?
    /// The first `<time datetime>` in the content: the date when no `<meta>` states one.
    var timeDate: String?

    var url: String? { canonicalURL ?? openGraphURL }

    /// Keeps the first value offered for a field.
    static func first(_ field: inout String?, _ value: String?) {
        if field == nil, let value = ByteName.normalized(value) { field = value }
    }

    /// `YYYY-MM-DD…` kept as is, `YYYY/MM/DD` made ISO 8601, anything else kept as the page wrote it.
    static func normalizedDate(_ value: String?) -> String? {
        guard let value = ByteName.normalized(value) else { return nil }
        let bytes = Array(value.utf8)
        func digits(_ range: Range<Int>) -> Bool {
            range.upperBound <= bytes.count && bytes[range].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        }
        if digits(0..<4), bytes.count >= 10, bytes[4] == 0x2F, bytes[7] == 0x2F, digits(5..<7), digits(8..<10) {
            var iso = bytes
            iso[4] = 0x2D
            iso[7] = 0x2D
            return String(decoding: iso, as: UTF8.self)
        }
        return value
    }
}
