import Analysis
import Testing
import TestSupport

/// The filtered analysis (`analyze(_:initials:_:)`) against the obvious reference: the full
/// analysis, keeping the tokens whose term starts with a wanted byte.
struct TermInitialsTests {
    /// What a test compares: everything a token carries but its position, which is compared
    /// through the gaps between neighbours (0, 1 or "more").
    struct Reported: Equatable, CustomStringConvertible {
        var term: [UInt8]
        var folded: [UInt8]
        var range: Range<Int>
        var isCompoundWhole: Bool
        var gap: Int

        init(_ token: Token, gap: Int) {
            term = Array(token.term)
            folded = Array(token.folded)
            range = token.sourceRange
            isCompoundWhole = token.isCompoundWhole
            self.gap = gap
        }

        var description: String {
            "\(String(decoding: term, as: UTF8.self))@\(range)\(isCompoundWhole ? "+" : "") gap \(gap)"
        }
    }

    /// The filtered analysis, with position gaps to the previous reported token, capped at 2.
    static func reported(_ text: [UInt8], initials: TermInitials, stemming: Bool = true) -> [Reported] {
        var result: [Reported] = []
        var previous: UInt32?
        text.withUnsafeBufferPointer { bytes in
            Analyzer(stemming: stemming).analyze(bytes, initials: initials) { token in
                result.append(Reported(token, gap: previous.map { Int(min(token.position - $0, 2)) } ?? 0))
                previous = token.position
            }
        }
        return result
    }

    /// The reference: the full analysis, keeping the tokens whose folded form is admitted,
    /// with gaps measured on the full positions.
    static func reference(_ text: [UInt8], initials: TermInitials, stemming: Bool = true) -> [Reported] {
        var result: [Reported] = []
        var previous: UInt32?
        text.withUnsafeBufferPointer { bytes in
            Analyzer(stemming: stemming).analyze(bytes) { token in
                guard initials.admits(token.folded) else { return }
                result.append(Reported(token, gap: previous.map { Int(min(token.position - $0, 2)) } ?? 0))
                previous = token.position
            }
        }
        return result
    }

    static func reported(_ text: String, initials: TermInitials, stemming: Bool = true) -> [Reported] {
        reported(Array(text.utf8), initials: initials, stemming: stemming)
    }

    static func reference(_ text: String, initials: TermInitials, stemming: Bool = true) -> [Reported] {
        reference(Array(text.utf8), initials: initials, stemming: stemming)
    }

    /// A stem of two or more bytes starts with its word's first two bytes (or the first, then
    /// `i` for the word's `y`: `dying` → `die`); a shorter one with its first byte. What
    /// `TermInitials` relies on to filter before stemming.
    static func keepsItsStart(_ word: String, _ stem: String) -> Bool {
        let word = Array(word.utf8), stem = Array(stem.utf8)
        guard stem.count >= 2 else { return stem.first == word.first }
        return word.count >= 2 && stem[0] == word[0]
            && (stem[1] == word[1] || (stem[1] == UInt8(ascii: "i") && word[1] == UInt8(ascii: "y")))
    }

    @Test func porter2KeepsTheFirstTwoBytesOfEveryVocabularyWord() throws {
        var changed: [String] = []
        for (word, stem) in try Porter2Tests.vocabulary()
        where word.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) && !Self.keepsItsStart(word, stem) {
            changed.append("\(word) → \(stem)")
        }
        #expect(changed.isEmpty, "\(changed.count) stems change the start: \(changed.prefix(20))")
    }

    @Test func porter2KeepsTheFirstTwoBytesOfEveryWordOfUpToFourLetters() {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        var words = letters.map { String($0) }
        var changed: [String] = []
        for _ in 2...4 {
            words = words.flatMap { word in letters.map { word + String($0) } }
            for word in words {
                let stem = Porter2.stem(word)
                if !Self.keepsItsStart(word, stem) { changed.append("\(word) → \(stem)") }
            }
        }
        #expect(changed.isEmpty, "\(changed.count) stems change the start: \(changed.prefix(20))")
    }

    @Test func foldedAndStemmedTermsStartAlikeOnEveryVocabularyWord() throws {
        let analyzer = Analyzer()
        var changed: [String] = []
        for (word, _) in try Porter2Tests.vocabulary() {
            analyzer.analyze(word) { token in
                let folded = String(decoding: token.folded, as: UTF8.self)
                if !Self.keepsItsStart(folded, String(decoding: token.term, as: UTF8.self)) { changed.append(word) }
            }
        }
        #expect(changed.isEmpty, "\(changed.count) words: \(changed.prefix(20))")
    }

    @Test func reportsOnlyWantedTokensAndKeepsPhraseAdjacency() {
        let text = "The Rome Statute, signed in Rome; ICC-related rules. U.S. rôle: «Résumé» rest"
        let initials = TermInitials(["ro", "s", "ru"].map { Array($0.utf8) })
        let tokens = Self.reported(text, initials: initials)
        #expect(tokens == Self.reference(text, initials: initials))
        #expect(tokens.map { String(decoding: $0.term, as: UTF8.self) }
            == ["rome", "statut", "sign", "rome", "rule", "role"])
    }

    /// Every ASCII byte and a few non-ASCII characters between, before and after words, so the
    /// plain-word and chunk scans' byte tests agree with the tokenizer's rules.
    @Test func everyByteBeforeAWordIsJudgedLikeTheTokenizer() {
        let initials = TermInitials([Array("r".utf8), Array("7".utf8)])
        let others = ["\u{A0}", "’", "“", "é", "\u{301}", "\u{AD}", "東", "Ｒ", "É"]
        for separator in (0..<128).map({ String(UnicodeScalar(UInt8($0))) }) + others {
            for text in [
                "ab\(separator)rome 7up", "\(separator)rome", "abcdefgh\(separator)Rome-7 x", "x\(separator)abc rest",
                "rome'\(separator)s r", "7.\(separator)5 r", "rome-\(separator)", "r_\(separator)rome", "a.b\(separator)rome r",
            ] {
                #expect(Self.reported(text, initials: initials) == Self.reference(text, initials: initials),
                        "text: \(text.debugDescription)")
            }
        }
    }

    /// Random bytes, invalid UTF-8 included (stray continuation bytes, truncated and overlong
    /// sequences), mostly letters so that words form: no crash, and the same tokens.
    @Test(arguments: 0..<100)
    func randomBytesMatchTheFullAnalysisFiltered(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let pool: [UInt8] = Array("abcdefgrsRS01 .-'\n".utf8) + [0x80, 0xBF, 0xC3, 0xA9, 0xE2, 0x80, 0x99, 0xF0, 0xC0, 0xFF]
        let text = (0..<Int.random(in: 0...300, using: &random)).map { _ in pool.randomElement(using: &random) ?? 0x20 }
        let initials = TermInitials(["r", "s", "ab", "é"].map { Array($0.utf8) })
        #expect(Self.reported(text, initials: initials) == Self.reference(text, initials: initials), "bytes: \(text)")
    }

    @Test func emptyInitialsReportNothing() {
        #expect(Self.reported("Rome Statute 1998 東京都", initials: TermInitials()).isEmpty)
    }

    /// Randomized texts mixing every tokenizer rule (compounds, acronyms, apostrophes,
    /// decimals, accents, fullwidth letters, CJK, odd whitespace) and random initial sets.
    @Test(arguments: 0..<200)
    func matchesTheFullAnalysisFiltered(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let words = [
            "rome", "Statute", "signing", "signed", "ICC-related", "U.S.", "e.g.", "don't", "O’Neil's",
            "members’", "3.5", "1990-1995", "snake_case", "example.com", "Café", "Straße", "Ｒｏｍｅ",
            "ﬁnal", "東京都", "日", "ελληνικά", "ing-s", "x", "(rome)", "\"quoted\"", "—", "&", "a-b-c-d",
            "re\u{AD}lation", "e\u{301}tat", "word.", "end!", "42", "covid19", "-", "'", "U.S.A.-based",
            "rome\u{A0}statute", "“rome”", "café", "naïve", "Élan", "\u{301}r", "abcdefghijklmnop", "x\u{FFFD}r",
        ]
        let separators = [" ", " ", " ", "\n", "\t", "  ", "\r\n", "", "-", ".", "\u{0B}", "\u{0C}", "\u{A0}", "—"]
        var text = ""
        for _ in 0..<Int.random(in: 0...60, using: &random) {
            text += words.randomElement(using: &random) ?? ""
            text += separators.randomElement(using: &random) ?? ""
        }
        let pool = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8).map { [$0] }
            + ["ro", "re", "st", "si", "ca", "ελ", "東京", "ｒ", "ic", "3.", "co"].map { Array($0.utf8) }
        var terms: [[UInt8]] = []
        for _ in 0..<Int.random(in: 0...14, using: &random) {  // past eight first bytes too
            if let term = pool.randomElement(using: &random) { terms.append(term) }
        }
        let initials = TermInitials(terms)
        for stemming in [true, false] {
            #expect(
                Self.reported(text, initials: initials, stemming: stemming)
                    == Self.reference(text, initials: initials, stemming: stemming),
                "text: \(text.debugDescription)")
        }
    }
}
