/// A word being stemmed in place by `Porter2`: the Snowball program without its cursor.
///
/// Regions follow the Snowball definitions: `p1` is the position after the first non-vowel
/// that follows a vowel (or after one of Snowball's prefixes such as `gener`, `univers`,
/// `inter`), `p2` the same again from `p1`. A suffix is "in R1" when it starts at or after `p1`.
/// `Y` marks a consonant `y` (set by the prelude, undone at the end).
///
/// Suffix lists are `switch`es on the last letter over `StaticString`s rather than tables: no
/// reference counting and no lazy globals on a path taken for every token.
struct Porter2Word {
    let w: UnsafeMutablePointer<UInt8>
    var count: Int
    var p1: Int
    var p2: Int

    init(_ word: UnsafeMutablePointer<UInt8>, count: Int) {
        w = word
        self.count = count
        p1 = count
        p2 = count
    }

    mutating func stem() {
        if count < 3 || exception1() { return }
        prelude()
        markRegions()
        step1a()
        step1b()
        step1c()
        step2()
        step3()
        step4()
        step5()
        for index in 0..<count where w[index] == UInt8(ascii: "Y") { w[index] = UInt8(ascii: "y") }
    }

    // MARK: Character classes

    @inline(__always)
    static func isVowel(_ byte: UInt8) -> Bool {
        // Bit i set for letter "a" + i among a, e, i, o, u, y.
        let offset = byte &- UInt8(ascii: "a")
        return offset < 26 && (0x0110_4111 as UInt32) >> offset & 1 == 1
    }

    @inline(__always)
    static func isVowelWXY(_ byte: UInt8) -> Bool {
        isVowel(byte) || byte == UInt8(ascii: "w") || byte == UInt8(ascii: "x") || byte == UInt8(ascii: "Y")
    }

    /// Whether the word ends at `end` in a short syllable (or in `past`, Snowball's exception
    /// for pasted/pasting).
    func endsInShortSyllable(at end: Int) -> Bool {
        if end >= 3 && !Self.isVowelWXY(w[end - 1]) && Self.isVowel(w[end - 2]) && !Self.isVowel(w[end - 3]) {
            return true
        }
        if end == 2 && !Self.isVowel(w[1]) && Self.isVowel(w[0]) { return true }
        return end >= 4 && matches("past", endingAt: end)
    }

    // MARK: Matching

    @inline(__always)
    func matches(_ string: StaticString, endingAt end: Int) -> Bool {
        let length = string.utf8CodeUnitCount
        guard length <= end else { return false }
        let bytes = string.utf8Start
        let start = end - length
        var index = length - 1  // from the end: most candidates differ in their last letters
        while index >= 0 {
            if w[start + index] != bytes[index] { return false }
            index -= 1
        }
        return true
    }

    /// Where `suffix` starts if the word ends with it.
    @inline(__always)
    func suffix(_ suffix: StaticString) -> Int? {
        matches(suffix, endingAt: count) ? count - suffix.utf8CodeUnitCount : nil
    }

    @inline(__always)
    func equals(_ word: StaticString) -> Bool {
        word.utf8CodeUnitCount == count && matches(word, endingAt: count)
    }

    /// Replaces everything from `start` on with `replacement`.
    @inline(__always)
    mutating func replace(from start: Int, with replacement: StaticString) {
        let bytes = replacement.utf8Start
        for index in 0..<replacement.utf8CodeUnitCount { w[start + index] = bytes[index] }
        count = start + replacement.utf8CodeUnitCount
    }

    func hasVowel(before end: Int) -> Bool {
        var index = 0
        while index < end {
            if Self.isVowel(w[index]) { return true }
            index += 1
        }
        return false
    }

    // MARK: Prelude and regions

    private mutating func exception1() -> Bool {
        let stem: StaticString
        switch count {
        case 3: return equals("sky")
        case 4:
            if equals("skis") { stem = "ski" } else if equals("idly") { stem = "idl" } else if equals("ugly") {
                stem = "ugli"
            } else if equals("only") { stem = "onli" } else { return equals("news") || equals("howe") || equals("bias") }
        case 5:
            if equals("skies") { stem = "sky" } else if equals("early") { stem = "earli" } else {
                return equals("atlas") || equals("andes")
            }
        case 6:
            if equals("gently") { stem = "gentl" } else if equals("singly") { stem = "singl" } else {
                return equals("cosmos")
            }
        default: return false
        }
        replace(from: 0, with: stem)
        return true
    }

    private mutating func prelude() {
        if w[0] == UInt8(ascii: "y") { w[0] = UInt8(ascii: "Y") }
        for index in 1..<count where w[index] == UInt8(ascii: "y") && Self.isVowel(w[index - 1]) {
            w[index] = UInt8(ascii: "Y")
        }
    }

    private mutating func markRegions() {
        if let prefix = regionPrefix() {
            p1 = prefix
        } else if let end = regionEnd(from: 0) {
            p1 = end
        } else {
            return
        }
        p2 = regionEnd(from: p1) ?? count
    }

    /// The length of Snowball's exceptional R1 prefix the word starts with, if any.
    private func regionPrefix() -> Int? {
        let prefix: StaticString
        switch w[0] {
        case UInt8(ascii: "g"): prefix = "gener"
        case UInt8(ascii: "c"): prefix = "commun"
        case UInt8(ascii: "a"): prefix = "arsen"
        case UInt8(ascii: "p"): prefix = "past"
        case UInt8(ascii: "u"): prefix = "univers"
        case UInt8(ascii: "l"): prefix = "later"
        case UInt8(ascii: "e"): prefix = "emerg"
        case UInt8(ascii: "o"): prefix = "organ"
        case UInt8(ascii: "i"): prefix = "inter"
        default: return nil
        }
        let length = prefix.utf8CodeUnitCount
        return length <= count && matches(prefix, endingAt: length) ? length : nil
    }

    /// The position after the first non-vowel that follows a vowel, searching from `start`.
    private func regionEnd(from start: Int) -> Int? {
        var index = start
        while index < count && !Self.isVowel(w[index]) { index += 1 }
        index += 1
        while index < count && Self.isVowel(w[index]) { index += 1 }
        return index < count ? index + 1 : nil
    }
}
