/// Steps 1a–5 of Porter2. Each `switch` lists one Snowball `among`: candidates longest first,
/// and the first suffix that matches ends the step whether or not its conditions hold.
extension Porter2Word {
    mutating func step1a() {
        let last = w[count - 1]
        guard last == UInt8(ascii: "s") || last == UInt8(ascii: "d") else { return }
        if let start = suffix("sses") {
            count = start + 2
        } else if let start = suffix("ied") ?? suffix("ies") {
            count = start + (start > 1 ? 1 : 2)  // "i" after two letters or more, else "ie"
        } else if suffix("us") != nil || suffix("ss") != nil {
            return
        } else if w[count - 1] == UInt8(ascii: "s") && hasVowel(before: count - 2) {
            count -= 1
        }
    }

    mutating func step1b() {
        let last = w[count - 1]
        guard last == UInt8(ascii: "d") || last == UInt8(ascii: "g") || last == UInt8(ascii: "y") else { return }
        if let start = suffix("eedly") ?? suffix("eed") {
            let isException = (start == 4 && matches("proc", endingAt: 4)) || (start == 3 && matches("exc", endingAt: 3))
                || (start == 4 && matches("succ", endingAt: 4))
            if !isException && start >= p1 { count = start + 2 }
            return
        }
        guard let start = suffix("ingly") ?? suffix("edly") ?? suffix("ing") ?? suffix("ed") else { return }
        if count - start == 3 && w[start] == UInt8(ascii: "i") {
            if start == 2 && w[1] == UInt8(ascii: "y") && !Self.isVowel(w[0]) {
                replace(from: 1, with: "ie")
                return
            }
            switch start {
            case 3: if matches("inn", endingAt: 3) || matches("out", endingAt: 3) { return }
            case 4:
                if matches("cann", endingAt: 4) || matches("herr", endingAt: 4) || matches("earr", endingAt: 4)
                    || matches("even", endingAt: 4) { return }
            default: break
            }
        }
        guard hasVowel(before: start) else { return }
        count = start
        let stemLast = w[count - 1]
        if suffix("at") != nil || suffix("bl") != nil || suffix("iz") != nil {
            w[count] = UInt8(ascii: "e")
            count += 1
        } else if count >= 2 && stemLast == w[count - 2] && Self.isUndoubled(stemLast) {
            let isVowelPair = count == 3 && (w[0] == UInt8(ascii: "a") || w[0] == UInt8(ascii: "e") || w[0] == UInt8(ascii: "o"))
            if !isVowelPair { count -= 1 }
        } else if count == p1 && endsInShortSyllable(at: count) {
            w[count] = UInt8(ascii: "e")
            count += 1
        }
    }

    /// The letters whose doubling step 1b undoes (`hopp` → `hop`).
    private static func isUndoubled(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "b"), UInt8(ascii: "d"), UInt8(ascii: "f"), UInt8(ascii: "g"), UInt8(ascii: "m"),
             UInt8(ascii: "n"), UInt8(ascii: "p"), UInt8(ascii: "r"), UInt8(ascii: "t"): true
        default: false
        }
    }

    mutating func step1c() {
        guard count >= 3 else { return }
        let last = w[count - 1]
        if (last == UInt8(ascii: "y") || last == UInt8(ascii: "Y")) && !Self.isVowel(w[count - 2]) {
            w[count - 1] = UInt8(ascii: "i")
        }
    }

    /// Applies one among-entry: when the word ends with `ending`, replaces it in R1 (or the
    /// given region) and reports a match, so the caller stops looking.
    @inline(__always)
    private mutating func rule(_ ending: StaticString, _ replacement: StaticString, region: Int? = nil,
                               after allowed: (UInt8) -> Bool = { _ in true }) -> Bool {
        guard let start = suffix(ending) else { return false }
        if start >= (region ?? p1) && start > 0 && allowed(w[start - 1]) { replace(from: start, with: replacement) }
        return true
    }

    mutating func step2() {
        switch w[count - 1] {
        case UInt8(ascii: "l"): _ = rule("ational", "ate") || rule("tional", "tion")
        case UInt8(ascii: "i"):
            _ = rule("biliti", "ble") || rule("lessli", "less") || rule("aliti", "al") || rule("iviti", "ive")
                || rule("entli", "ent") || rule("ousli", "ous") || rule("fulli", "ful") || rule("abli", "able")
                || rule("alli", "al") || rule("enci", "ence") || rule("anci", "ance") || rule("bli", "ble")
                || rule("ogi", "og", after: { $0 == UInt8(ascii: "l") }) || rule("li", "", after: Self.isValidLI)
        case UInt8(ascii: "r"): _ = rule("izer", "ize") || rule("ator", "ate")
        case UInt8(ascii: "n"): _ = rule("ization", "ize") || rule("ation", "ate")
        case UInt8(ascii: "m"): _ = rule("alism", "al")
        case UInt8(ascii: "s"): _ = rule("iveness", "ive") || rule("fulness", "ful") || rule("ousness", "ous")
        case UInt8(ascii: "t"): _ = rule("ogist", "og")
        default: break
        }
    }

    /// Letters before which step 2 deletes `li`.
    private static func isValidLI(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "c"), UInt8(ascii: "d"), UInt8(ascii: "e"), UInt8(ascii: "g"), UInt8(ascii: "h"),
             UInt8(ascii: "k"), UInt8(ascii: "m"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"): true
        default: false
        }
    }

    mutating func step3() {
        switch w[count - 1] {
        case UInt8(ascii: "l"): _ = rule("ational", "ate") || rule("tional", "tion") || rule("ical", "ic") || rule("ful", "")
        case UInt8(ascii: "e"):
            _ = rule("alize", "al") || rule("icate", "ic") || rule("ative", "", region: p2)
        case UInt8(ascii: "i"): _ = rule("iciti", "ic")
        case UInt8(ascii: "s"): _ = rule("ness", "")
        default: break
        }
    }

    mutating func step4() {
        switch w[count - 1] {
        case UInt8(ascii: "l"): _ = rule("al", "", region: p2)
        case UInt8(ascii: "e"):
            _ = rule("ance", "", region: p2) || rule("ence", "", region: p2) || rule("able", "", region: p2)
                || rule("ible", "", region: p2) || rule("ate", "", region: p2) || rule("ive", "", region: p2)
                || rule("ize", "", region: p2)
        case UInt8(ascii: "r"): _ = rule("er", "", region: p2)
        case UInt8(ascii: "c"): _ = rule("ic", "", region: p2)
        case UInt8(ascii: "t"):
            _ = rule("ement", "", region: p2) || rule("ment", "", region: p2) || rule("ant", "", region: p2)
                || rule("ent", "", region: p2)
        case UInt8(ascii: "m"): _ = rule("ism", "", region: p2)
        case UInt8(ascii: "i"): _ = rule("iti", "", region: p2)
        case UInt8(ascii: "s"): _ = rule("ous", "", region: p2)
        case UInt8(ascii: "n"):
            _ = rule("ion", "", region: p2, after: { $0 == UInt8(ascii: "s") || $0 == UInt8(ascii: "t") })
        default: break
        }
    }

    mutating func step5() {
        guard count > 0 else { return }
        let start = count - 1
        if w[start] == UInt8(ascii: "e") {
            if start >= p2 || (start >= p1 && !endsInShortSyllable(at: start)) { count -= 1 }
        } else if w[start] == UInt8(ascii: "l") {
            if start >= p2 && start > 0 && w[start - 1] == UInt8(ascii: "l") { count -= 1 }
        }
    }
}
