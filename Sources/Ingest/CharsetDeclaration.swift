/// Finds the charset a page declares in its first bytes: `<meta charset=…>`,
/// `<meta http-equiv="Content-Type" content="…; charset=…">` or `<?xml … encoding="…"?>`.
///
/// A byte scan, not a parse: it runs before the page is decoded, as browsers' prescan does.
enum CharsetDeclaration {
    static func find(in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if let label = xmlDeclaration(bytes) { return label }
        var index = 0
        while let tag = find(Array("<meta".utf8), in: bytes, from: index) {
            let end = bytes[tag...].firstIndex(of: 0x3E) ?? bytes.count
            if let charset = find(Array("charset".utf8), in: bytes, from: tag), charset < end,
               let label = value(in: bytes, from: charset + 7, end: end) {
                return label
            }
            index = end
        }
        return nil
    }

    /// `encoding="…"` inside a leading `<?xml … ?>`.
    private static func xmlDeclaration(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.starts(with: Array("<?xml".utf8)) else { return nil }
        let end = find(Array("?>".utf8), in: bytes, from: 0) ?? bytes.count
        guard let at = find(Array("encoding".utf8), in: bytes, from: 0), at < end else { return nil }
        return value(in: bytes, from: at + 8, end: end)
    }

    /// The label after `=` (spaces and quotes allowed), up to a quote, `;`, space or `>`.
    private static func value(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> String? {
        var index = start
        while index < end, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A { index += 1 }
        guard index < end, bytes[index] == 0x3D else { return nil }
        index += 1
        while index < end, [0x20, 0x09, 0x0A, 0x22, 0x27].contains(bytes[index]) { index += 1 }
        var stop = index
        while stop < end, ![0x20, 0x09, 0x0A, 0x22, 0x27, 0x3B, 0x2F, 0x3E].contains(bytes[stop]) {
            stop += 1
        }
        guard stop > index, stop - index < 40 else { return nil }
        return String(decoding: bytes[index..<stop], as: UTF8.self)
    }

    private static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        ByteName.firstIndex(of: needle, in: bytes, from: start)
    }
}
