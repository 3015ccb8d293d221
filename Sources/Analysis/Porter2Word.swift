/// A word being stemmed in place by `Porter2`: the Snowball program's cursor-free equivalent.
///
/// Regions follow the Snowball definitions: `p1` is the position after the first non-vowel
/// that follows a vowel (or after one of Snowball's prefixes such as `gener`, `univers`, `inter`), `p2` the same
/// again from `p1`. A suffix is "in R1" when it starts at or after `p1`. `Y` marks a consonant
/// `y` (set by the prelude, undone at the end).
struct Porter2Word {
    private let w: UnsafeMutablePointer<UInt8>
    private(set) var count: Int
    private var p1: Int
    private var p2: Int

    init(_ word: UnsafeMutablePointer<UInt8>, count: Int) {
        w = word
        self.count = count
        p1 = count
        p2 = count
    }

    mutating func stem() {
        if exception1() || count < 3 { return }
        prelude()
        markRegions()
        step1a()
        step1b()
        step1c()
        replaceSuffix(Self.step2, requireR2: false)
        replaceSuffix(Self.step3, requireR2: false)
        replaceSuffix(Self.step4, requireR2: true)
        step5()
        for index in 0..<count where w[index] == UInt8(ascii: "Y") { w[index] = UInt8(ascii: "y") }
    }

    // MARK: Character classes

    private static func isVowel(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
             UInt8(ascii: "y"): true
        default: false
        }
    }

    private static func isVowelWXY(_ byte: UInt8) -> Bool {
        isVowel(byte) || byte == UInt8(ascii: "w") || byte == UInt8(ascii: "x") || byte == UInt8(ascii: "Y")
    }

    /// Whether the word ends at `end` in a short syllable (or in `past`, Snowball's exception
    /// for pasted/pasting).
    private func endsInShortSyllable(at end: Int) -> Bool {
        if end >= 4 && matches(Self.past, endingAt: end) { return true }
        if end >= 3 && !Self.isVowelWXY(w[end - 1]) && Self.isVowel(w[end - 2]) && !Self.isVowel(w[end - 3]) {
            return true
        }
        return end == 2 && !Self.isVowel(w[1]) && Self.isVowel(w[0])
    }

    // MARK: Matching

    private func ends(with suffix: [UInt8]) -> Bool {
        matches(suffix, endingAt: count)
    }

    private func matches(_ string: [UInt8], endingAt end: Int) -> Bool {
        guard string.count <= end else { return false }
        var index = 0
        let start = end - string.count
        while index < string.count {
            if w[start + index] != string[index] { return false }
            index += 1
        }
        return true
    }

    private func equals(_ word: [UInt8]) -> Bool {
        word.count == count && ends(with: word)
    }

    private mutating func setSuffix(length: Int, to replacement: [UInt8]) {
        let start = count - length
        for (offset, byte) in replacement.enumerated() { w[start + offset] = byte }
        count = start + replacement.count
    }

    // MARK: Steps

    private mutating func exception1() -> Bool {
        for (word, stem) in Self.exceptions1 where equals(word) {
            setSuffix(length: count, to: stem)
            return true
        }
        return false
    }

    private mutating func prelude() {
        if w[0] == UInt8(ascii: "y") { w[0] = UInt8(ascii: "Y") }
        for index in 1..<count where w[index] == UInt8(ascii: "y") && Self.isVowel(w[index - 1]) {
            w[index] = UInt8(ascii: "Y")
        }
    }

    private mutating func markRegions() {
        if let prefix = Self.regionPrefixes.first(where: { $0.count <= count && startsWith($0) }) {
            p1 = prefix.count
        } else if let end = regionEnd(from: 0) {
            p1 = end
        } else {
            return
        }
        p2 = regionEnd(from: p1) ?? count
    }

    private func startsWith(_ prefix: [UInt8]) -> Bool {
        for (index, byte) in prefix.enumerated() where w[index] != byte { return false }
        return true
    }

    /// The position after the first non-vowel that follows a vowel, searching from `start`.
    private func regionEnd(from start: Int) -> Int? {
        var index = start
        while index < count && !Self.isVowel(w[index]) { index += 1 }
        index += 1
        while index < count && Self.isVowel(w[index]) { index += 1 }
        return index < count ? index + 1 : nil
    }

    private mutating func step1a() {
        if ends(with: Self.sses) {
            count -= 2
        } else if ends(with: Self.ied) || ends(with: Self.ies) {
            count -= count > 4 ? 2 : 1  // "ied"/"ies" → "i" after two letters, else → "ie"
        } else if ends(with: Self.us) || ends(with: Self.ss) {
            return
        } else if count >= 2 && w[count - 1] == UInt8(ascii: "s") && hasVowel(before: count - 2) {
            count -= 1
        }
    }

    private func hasVowel(before end: Int) -> Bool {
        var index = 0
        while index < end {
            if Self.isVowel(w[index]) { return true }
            index += 1
        }
        return false
    }

    private mutating func step1b() {
        if let suffix = Self.step1bEED.first(where: ends(with:)) {
            let start = count - suffix.count
            let isException = Self.step1bEEDStems.contains { $0.count == start && matches($0, endingAt: start) }
            if !isException && start >= p1 { count = start + 2 }
            return
        }
        guard let suffix = Self.step1bED.first(where: ends(with:)) else { return }
        let stemEnd = count - suffix.count
        if suffix.count == 3 && suffix[0] == UInt8(ascii: "i") {
            if stemEnd == 2 && w[1] == UInt8(ascii: "y") && !Self.isVowel(w[0]) {
                w[1] = UInt8(ascii: "i")
                w[2] = UInt8(ascii: "e")
                count = 3
                return
            }
            if Self.step1bINGStems.contains(where: { $0.count == stemEnd && matches($0, endingAt: stemEnd) }) {
                return
            }
        }
        guard hasVowel(before: stemEnd) else { return }
        count = stemEnd
        let last = w[count - 1]
        if Self.step1bAddE.contains(where: ends(with:)) {
            w[count] = UInt8(ascii: "e")
            count += 1
        } else if count >= 2 && last == w[count - 2] && Self.doubles.contains(last) {
            let isShortVowelWord = count == 3 && (w[0] == UInt8(ascii: "a") || w[0] == UInt8(ascii: "e") || w[0] == UInt8(ascii: "o"))
            if !isShortVowelWord { count -= 1 }
        } else if count == p1 && endsInShortSyllable(at: count) {
            w[count] = UInt8(ascii: "e")
            count += 1
        }
    }

    private mutating func step1c() {
        guard count >= 3 else { return }
        let last = w[count - 1]
        if (last == UInt8(ascii: "y") || last == UInt8(ascii: "Y")) && !Self.isVowel(w[count - 2]) {
            w[count - 1] = UInt8(ascii: "i")
        }
    }

    /// Replaces the longest matching suffix of `rules` when it lies in R1 (or R2) and its
    /// condition holds; a longest match that fails its checks stops the step (Snowball `among`).
    private mutating func replaceSuffix(_ rules: [Porter2Rule], requireR2: Bool) {
        guard let rule = rules.first(where: { ends(with: $0.suffix) }) else { return }
        let start = count - rule.suffix.count
        guard start >= (requireR2 ? p2 : p1) else { return }
        switch rule.condition {
        case .none: break
        case .inR2: guard start >= p2 else { return }
        case .after(let allowed): guard start > 0 && allowed.contains(w[start - 1]) else { return }
        }
        setSuffix(length: rule.suffix.count, to: rule.replacement)
    }

    private mutating func step5() {
        guard count > 0 else { return }
        let start = count - 1
        if w[start] == UInt8(ascii: "e") {
            if start >= p2 || (start >= p1 && !endsInShortSyllable(at: start)) { count -= 1 }
        } else if w[start] == UInt8(ascii: "l") {
            if start >= p2 && start > 0 && w[start - 1] == UInt8(ascii: "l") { count -= 1 }
        }
    }
}
