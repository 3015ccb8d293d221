/// Character counts and cut points of a passage's UTF-8 bytes.
///
/// Snippet lengths are measured in Unicode scalars (what a person counts as characters, and
/// what JSON offsets use), while matching works on bytes; this maps between the two and finds
/// places where cutting splits neither a word nor a UTF-8 sequence.
///
/// - Warning: a non-owning view: `bytes` and the scalar table belong to the caller of
///   `with(_:_:)` and are valid only inside its closure; never let a layout escape it.
struct TextLayout {
    let bytes: UnsafeBufferPointer<UInt8>
    /// `scalarsBefore[i]` = number of scalars that start before byte `i`, with one extra entry
    /// at the end; nil when the text is ASCII and every byte is a scalar (most passages), which
    /// saves building the table.
    private let scalarsBefore: UnsafePointer<Int32>?

    /// Calls `body` with the layout of `bytes`; the scalar table, when one is needed, lives on
    /// the stack (or a temporary heap block for long texts) for the duration of the call.
    static func with<Result>(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (TextLayout) -> Result) -> Result {
        if isASCII(bytes) { return body(TextLayout(bytes: bytes, scalarsBefore: nil)) }
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: bytes.count + 1) { counts in
            // Through raw pointers, with no branch per byte: the scalar count is a passage's
            // (far below 2^31), and the bounds are the loop's.
            guard let table = counts.baseAddress, let source = bytes.baseAddress else {
                return body(TextLayout(bytes: bytes, scalarsBefore: nil))
            }
            // Up to the first non-ASCII byte, every byte is a scalar: its count is its offset.
            var index = 0
            let ascii = asciiPrefix(bytes)
            while index < ascii {
                (table + index).initialize(to: Int32(truncatingIfNeeded: index))
                index += 1
            }
            var count = Int32(truncatingIfNeeded: ascii)
            // Then eight bytes at a time: a 1 in each byte that starts a scalar (is no
            // `10xxxxxx` continuation), summed below each byte by one multiplication.
            let ones: UInt64 = 0x0101_0101_0101_0101
            while index + 8 <= bytes.count {
                let word = UInt64(littleEndian: UnsafeRawPointer(source + index).loadUnaligned(as: UInt64.self))
                let starts = ~(word & ~(word << 1)) >> 7 & ones
                let before = (starts &* ones) << 8
                for offset in 0..<8 {
                    (table + index + offset).initialize(to: count &+ Int32(truncatingIfNeeded: before >> UInt64(8 * offset) & 0xFF))
                }
                count &+= Int32(truncatingIfNeeded: (starts &* ones) >> 56)
                index += 8
            }
            while index < bytes.count {
                (table + index).initialize(to: count)
                count &+= source[index] & 0xC0 != 0x80 ? 1 : 0
                index += 1
            }
            (table + bytes.count).initialize(to: count)
            return body(TextLayout(bytes: bytes, scalarsBefore: UnsafePointer(table)))
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, scalarsBefore: UnsafePointer<Int32>?) {
        self.bytes = bytes
        self.scalarsBefore = scalarsBefore
    }

    /// Whether every byte is below 0x80, eight bytes at a time.
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var index = 0
        var high: UInt64 = 0
        while index + 8 <= bytes.count {
            high |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < bytes.count {
            high |= UInt64(bytes[index])
            index += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }

    /// How many bytes come before the first non-ASCII one, found eight bytes at a time (a
    /// second, early-ending scan: `isASCII` reads every byte without a branch, which is what
    /// the usual, all-ASCII passage wants).
    private static func asciiPrefix(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var index = 0
        while index + 8 <= bytes.count,
              UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
            index += 8
        }
        while index < bytes.count, base[index] < 0x80 { index += 1 }
        return index
    }

    var count: Int { bytes.count }

    /// Scalar offset of byte `index`.
    @inline(__always)
    func scalarOffset(_ index: Int) -> Int { scalarsBefore.map { Int($0[index]) } ?? index }

    /// Scalars in `start..<end`.
    func length(_ start: Int, _ end: Int) -> Int { scalarOffset(end) - scalarOffset(start) }

    /// Space, tab, line feed or carriage return: one bit test.
    @inline(__always)
    func isSpace(_ index: Int) -> Bool {
        let byte = bytes[index]
        return byte <= 0x20 && (0x1_0000_2600 as UInt64) >> UInt64(byte) & 1 != 0
    }

    /// Whether a sentence ends right before byte `index` (after `.`, `!`, `?` and closing
    /// quotes or brackets, followed by space and not by a lowercase letter).
    /// Inlined so that the scans calling it byte by byte pay one comparison per non-space byte,
    /// and a space after any other byte than a terminator or the end of a closer one more.
    @inline(__always)
    func sentenceEnds(before index: Int) -> Bool {
        index > 0 && index < count && isSpace(index) && Self.mayEndSentence(bytes[index - 1]) && sentenceEnds(atSpace: index)
    }

    /// `.`, `!`, `?`, a closer, or the last byte of `”` or `’`: what a sentence's last byte
    /// is (the bytes `sentenceEnds(atSpace:)` looks back over).
    @inline(__always)
    private static func mayEndSentence(_ byte: UInt8) -> Bool {
        isTerminator(byte) || isCloser(byte) || byte == 0x9D || byte == 0x99
    }

    /// `.`, `!` and `?`.
    @inline(__always)
    private static func isTerminator(_ byte: UInt8) -> Bool {
        byte == 0x2E || byte == 0x21 || byte == 0x3F
    }

    private func sentenceEnds(atSpace index: Int) -> Bool {
        var back = index - 1
        while back > 0, Self.isCloser(bytes[back]) || isClosingQuote(endingAt: back) {
            back -= bytes[back] >= 0x80 ? 3 : 1
        }
        guard back >= 0, Self.isTerminator(bytes[back]) else { return false }
        if bytes[back] == 0x2E, isAbbreviation(endingAt: back) { return false }
        var next = index
        while next < count, isSpace(next) { next += 1 }
        return next == count || !(bytes[next] >= 0x61 && bytes[next] <= 0x7A)
    }

    /// The first byte of the sentence containing `index`.
    ///
    /// Nil when that is before `floor`, found without scanning further back than the first
    /// non-space byte before `floor` (a sentence start further back could only be before it):
    /// a snippet only wants a sentence start that fits in its length.
    func sentenceStart(atOrBefore index: Int, notBefore floor: Int) -> Int? {
        var boundary = index
        while boundary > 0, !sentenceEnds(before: boundary) {
            if boundary < floor, !isSpace(boundary) { return nil }
            boundary -= 1
        }
        while boundary < index, isSpace(boundary) { boundary += 1 }
        return boundary >= floor ? boundary : nil
    }

    /// The last byte boundary `end` in `lower...upper` where a sentence ends, if any.
    func lastSentenceEnd(in lower: Int, _ upper: Int) -> Int? {
        var position = min(upper, count)
        while position >= lower {
            if position == count || sentenceEnds(before: position) { return position }
            position -= 1
        }
        return nil
    }

    /// The last boundary in `lower...upper` that falls between words.
    func lastWordEnd(in lower: Int, _ upper: Int) -> Int? {
        var position = min(upper, count)
        while position >= lower {
            if position == count || isSpace(position) { return position }
            position -= 1
        }
        return nil
    }

    /// The first word start in `lower...upper`.
    func firstWordStart(in lower: Int, _ upper: Int) -> Int? {
        var position = max(lower, 0)
        while position <= upper {
            if position == 0 || (isSpace(position - 1) && !isSpace(position)) { return position }
            position += 1
        }
        return nil
    }

    /// The largest byte `end ≥ start` with at most `scalars` scalars in `start..<end`,
    /// never inside a UTF-8 sequence.
    func advance(_ start: Int, scalars: Int) -> Int {
        let target = scalarOffset(start) + scalars
        if target >= scalarOffset(count) { return count }
        var low = start, high = count
        while low < high {
            let middle = (low + high + 1) / 2
            if scalarOffset(middle) <= target { low = middle } else { high = middle - 1 }
        }
        while low > start, low < count, bytes[low] & 0xC0 == 0x80 { low -= 1 }
        return low
    }

    /// The smallest byte `begin ≤ end` with at most `scalars` scalars in `begin..<end`.
    func retreat(_ end: Int, scalars: Int) -> Int {
        let target = scalarOffset(end) - scalars
        if target <= 0 { return 0 }
        var low = 0, high = end
        while low < high {
            let middle = (low + high) / 2
            if scalarOffset(middle) >= target { high = middle } else { low = middle + 1 }
        }
        while low < end, bytes[low] & 0xC0 == 0x80 { low += 1 }
        return low
    }

    /// Whether the word before the period at `period` is an initial (`W.`, `U.S.`) or a
    /// common abbreviation, after which a capital letter does not start a sentence.
    private func isAbbreviation(endingAt period: Int) -> Bool {
        var start = period
        while start > 0, !isSpace(start - 1), bytes[start - 1] != 0x28 { start -= 1 }
        let word = bytes[start..<period]
        if word.count == 1 || (word.count >= 3 && word[word.index(word.endIndex, offsetBy: -2)] == 0x2E) {
            return true
        }
        return Self.abbreviations.contains(where: { $0.elementsEqual(word) })
    }

    private static let abbreviations: [[UInt8]] = ["Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Jr", "Sr", "vs", "etc", "e.g", "i.e", "cf", "No", "Fig", "Vol", "pp", "Inc", "Ltd", "Co"].map { Array($0.utf8) }

    /// `"`, `'`, `)` and `]`.
    @inline(__always)
    private static func isCloser(_ byte: UInt8) -> Bool {
        byte == 0x22 || byte == 0x27 || byte == 0x29 || byte == 0x5D
    }

    /// `”` or `’` (E2 80 9D / E2 80 99) ending at byte `index`.
    private func isClosingQuote(endingAt index: Int) -> Bool {
        index >= 2 && bytes[index - 2] == 0xE2 && bytes[index - 1] == 0x80
            && (bytes[index] == 0x9D || bytes[index] == 0x99)
    }
}
