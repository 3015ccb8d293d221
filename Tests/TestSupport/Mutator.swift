/// Seeded structure-aware mutations of input bytes, for fuzz tests that run inside
/// `swift test` in seconds and replay exactly from their seed.
///
/// Besides bit flips and splices it inserts the tokens parsers trip on (tag and comment
/// delimiters, entities, CDATA ends, multi-byte and invalid UTF-8), so the short runs reach
/// the interesting paths that pure random bytes rarely do.
public struct Mutator {
    private var random: SeededGenerator

    public init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
    }

    /// Tokens that change how markup and text are parsed.
    public static let dictionary: [[UInt8]] = [
        "<", ">", "</", "/>", "<!--", "-->", "<![CDATA[", "]]>", "&", "&amp;", "&#x0;", "&#1114112;",
        "&nbsp", "\"", "'", "=", "<p>", "</p>", "<div>", "</div>", "<table><tr><td>", "<h2 id=x>", "</h2>",
        "<script>", "</script>", "<br>", "<!DOCTYPE html>", "<?xml version=\"1.0\"?>",
        "<!ENTITY a \"aaaa\">", "\u{FEFF}", "é", "中文", "\u{200B}", "\r\n", "\t",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x80], [0x00], [0xED, 0xA0, 0x80]]

    /// One to four random edits of `input`.
    public mutating func mutate(_ input: [UInt8]) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &random)
            switch Int.random(in: 0..<7, using: &random) {
            case 0 where !bytes.isEmpty:
                let index = Int.random(in: 0..<bytes.count, using: &random)
                bytes[index] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &random)
            case 1:
                bytes.insert(contentsOf: Self.dictionary.randomElement(using: &random)!, at: position)
            case 2 where !bytes.isEmpty:
                let end = min(bytes.count, position + Int.random(in: 1...64, using: &random))
                bytes.removeSubrange(min(position, bytes.count)..<end)
            case 3 where !bytes.isEmpty:
                let start = Int.random(in: 0..<bytes.count, using: &random)
                let end = min(bytes.count, start + Int.random(in: 1...256, using: &random))
                bytes.insert(contentsOf: bytes[start..<end], at: position)
            case 4:
                bytes.removeSubrange(position..<bytes.count)
            case 5:
                let tag = Array("<div>".utf8)
                let repeats = Int.random(in: 1...2_000, using: &random)
                bytes.insert(contentsOf: (0..<repeats).flatMap { _ in tag }, at: position)
            default:
                bytes.insert(UInt8.random(in: 0...255, using: &random), at: position)
            }
        }
        return bytes
    }
}
