/// Word counts and sentence-end splitting on normalized passage text (words separated by one
/// space or a line break).
enum TextMeasure {
    static func wordCount(_ text: String) -> Int {
        wordCount(bytes: text.utf8)
    }

    static func wordCount(bytes: some Sequence<UInt8>) -> Int {
        var count = 0
        var inWord = false
        for byte in bytes {
            let space = byte == 0x20 || byte == 0x0A || byte == 0x09
            if !space, !inWord { count += 1 }
            inWord = !space
        }
        return count
    }

    /// Cuts `text` into pieces of at most `maxWords` words, preferring sentence ends (or line
    /// ends when `atLines`) and pieces of about equal size, so no piece is a stub.
    static func split(_ text: String, maxWords: Int, atLines: Bool) -> [String] {
        let bytes = Array(text.utf8)
        var starts: [Int] = []
        var ends: [Int] = []
        var index = 0
        while index < bytes.count {
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count else { break }
            starts.append(index)
            while index < bytes.count, !isSpace(bytes[index]) { index += 1 }
            ends.append(index)
        }
        let total = starts.count
        guard total > maxWords else { return [text] }
        let pieces = (total + maxWords - 1) / maxWords
        let target = (total + pieces - 1) / pieces
        var cuts: [Int] = []
        var pieceStart = 0
        var lastBoundary: Int?
        for word in 1..<total {
            let boundary = atLines
                ? bytes[ends[word - 1]..<starts[word]].contains(0x0A)
                : isSentenceEnd(bytes, wordStart: starts[word - 1], wordEnd: ends[word - 1], next: bytes[starts[word]])
            if boundary {
                if word - pieceStart >= target {
                    cuts.append(word)
                    pieceStart = word
                    lastBoundary = nil
                    continue
                }
                lastBoundary = word
            }
            if word - pieceStart >= maxWords {
                let cut = lastBoundary ?? word
                cuts.append(cut)
                pieceStart = cut
                lastBoundary = nil
            }
        }
        var result: [String] = []
        var from = 0
        for cut in cuts + [total] {
            result.append(String(decoding: bytes[starts[from]..<ends[cut - 1]], as: UTF8.self))
            from = cut
        }
        return result
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 }

    /// Words that end with a period without ending a sentence.
    private static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "vs", "etc", "cf", "fig", "figs", "jr", "sr",
        "inc", "ltd", "co", "corp", "art", "arts", "p", "pp", "vol", "vols", "ed", "eds", "approx", "al",
        "sec", "ch", "op", "cit", "ibid", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "gen", "gov", "sen", "rep", "col", "lt", "capt", "rev", "hon", "para",
    ]

    /// A word ending in `.`, `!` or `?` (optionally followed by closing quotes or brackets) that is
    /// not an abbreviation, followed by a word that does not start in lower case.
    private static func isSentenceEnd(_ bytes: [UInt8], wordStart: Int, wordEnd: Int, next: UInt8) -> Bool {
        if next >= 0x61, next <= 0x7A { return false }
        var end = wordEnd
        while end > wordStart, isCloser(bytes, end: end) {
            end -= bytes[end - 1] >= 0x80 ? 3 : 1
        }
        guard end > wordStart else { return false }
        let mark = bytes[end - 1]
        if mark == 0x21 || mark == 0x3F { return true }
        guard mark == 0x2E else { return false }
        let stem = bytes[wordStart..<(end - 1)].drop { $0 == 0x28 || $0 == 0x22 || $0 == 0x27 }
        if stem.isEmpty || stem.contains(0x2E) { return false }
        if stem.count == 1, let letter = stem.first, letter >= 0x41, letter <= 0x5A { return false }
        guard stem.count <= 6, stem.allSatisfy({ $0 < 0x80 }) else { return true }
        let lowered = String(decoding: stem.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        return !abbreviations.contains(lowered)
    }

    /// `)`, `]`, `"`, `'`, `”`, `’` at `end - 1`.
    private static func isCloser(_ bytes: [UInt8], end: Int) -> Bool {
        let last = bytes[end - 1]
        if last == 0x29 || last == 0x5D || last == 0x22 || last == 0x27 { return true }
        guard end >= 3, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80 else { return false }
        return last == 0x9D || last == 0x99
    }
}
