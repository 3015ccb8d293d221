/// One suffix rule of Porter2 steps 2–4: replace `suffix` by `replacement` when the condition holds.
struct Porter2Rule: Sendable {
    enum Condition: Sendable {
        case none
        /// The suffix must also start in R2.
        case inR2
        /// The suffix must follow one of these letters.
        case after([UInt8])
    }

    let suffix: [UInt8]
    let replacement: [UInt8]
    let condition: Condition

    init(_ suffix: String, _ replacement: String, _ condition: Condition = .none) {
        self.suffix = Array(suffix.utf8)
        self.replacement = Array(replacement.utf8)
        self.condition = condition
    }

    /// Sorts rules longest suffix first, so the first match is Snowball's `among` match.
    static func longestFirst(_ rules: [Porter2Rule]) -> [Porter2Rule] {
        rules.sorted { $0.suffix.count > $1.suffix.count }
    }
}

extension Porter2Word {
    static let sses = Array("sses".utf8), ied = Array("ied".utf8), ies = Array("ies".utf8)
    static let us = Array("us".utf8), ss = Array("ss".utf8)

    static let exceptions1: [([UInt8], [UInt8])] = [
        ("skis", "ski"), ("skies", "sky"), ("idly", "idl"), ("gently", "gentl"), ("ugly", "ugli"), ("early", "earli"), ("only", "onli"),
        ("singly", "singl"), ("sky", "sky"), ("news", "news"), ("howe", "howe"), ("atlas", "atlas"),
        ("cosmos", "cosmos"), ("bias", "bias"), ("andes", "andes"),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

    /// Stems left alone before `eed` (proceed) and `ing` (inning).
    static let step1bEEDStems: [[UInt8]] = ["proc", "exc", "succ"].map { Array($0.utf8) }
    static let step1bINGStems: [[UInt8]] = ["inn", "out", "cann", "herr", "earr", "even"].map { Array($0.utf8) }

    static let regionPrefixes: [[UInt8]] = [
        "gener", "commun", "arsen", "past", "univers", "later", "emerg", "organ", "inter",
    ].map { Array($0.utf8) }
    static let past = Array("past".utf8)

    static let step1bEED: [[UInt8]] = ["eedly", "eed"].map { Array($0.utf8) }
    static let step1bED: [[UInt8]] = ["ingly", "edly", "ing", "ed"].map { Array($0.utf8) }
    static let step1bAddE: [[UInt8]] = ["at", "bl", "iz"].map { Array($0.utf8) }
    static let doubles: [UInt8] = Array("bdfgmnprt".utf8)

    static let step2 = Porter2Rule.longestFirst([
        .init("tional", "tion"), .init("enci", "ence"), .init("anci", "ance"), .init("abli", "able"),
        .init("entli", "ent"), .init("izer", "ize"), .init("ization", "ize"), .init("ational", "ate"),
        .init("ation", "ate"), .init("ator", "ate"), .init("alism", "al"), .init("aliti", "al"),
        .init("alli", "al"), .init("fulness", "ful"), .init("ousli", "ous"), .init("ousness", "ous"),
        .init("iveness", "ive"), .init("iviti", "ive"), .init("biliti", "ble"), .init("bli", "ble"),
        .init("ogist", "og"), .init("ogi", "og", .after(Array("l".utf8))), .init("fulli", "ful"), .init("lessli", "less"),
        .init("li", "", .after(Array("cdeghkmnrt".utf8))),
    ])

    static let step3 = Porter2Rule.longestFirst([
        .init("tional", "tion"), .init("ational", "ate"), .init("alize", "al"), .init("icate", "ic"),
        .init("iciti", "ic"), .init("ical", "ic"), .init("ful", ""), .init("ness", ""),
        .init("ative", "", .inR2),
    ])

    static let step4 = Porter2Rule.longestFirst([
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate",
        "iti", "ous", "ive", "ize",
    ].map { Porter2Rule($0, "") } + [.init("ion", "", .after(Array("st".utf8)))])
}
