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
    static func reported(_ text: String, initials: TermInitials, stemming: Bool = true) -> [Reported] {
        var result: [Reported] = []
        var previous: UInt32?
        var text = text
        text.withUTF8 { bytes in
            Analyzer(stemming: stemming).analyze(bytes, initials: initials) { token in
                result.append(Reported(token, gap: previous.map { Int(min(token.position - $0, 2)) } ?? 0))
                previous = token.position
            }
        }
        return result
    }

    /// The reference: the full analysis, filtered by first byte, with gaps measured on the
    /// full positions.
    static func reference(_ text: String, initials: TermInitials, stemming: Bool = true) -> [Reported] {
        var result: [Reported] = []
        var previous: UInt32?
        Analyzer(stemming: stemming).analyze(text) { token in
            guard let first = token.term.first, initials.contains(first) else { return }
            result.append(Reported(token, gap: previous.map { Int(min(token.position - $0, 2)) } ?? 0))
            previous = token.position
        }
        return result
    }

    @Test func porter2KeepsTheFirstByteOfEveryVocabularyWord() throws {
        var changed: [String] = []
        for (word, stem) in try Porter2Tests.vocabulary() where word.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) {
            if word.utf8.first != stem.utf8.first { changed.append("\(word) → \(stem)") }
        }
        #expect(changed.isEmpty, "\(changed.count) stems change the first byte: \(changed.prefix(20))")
    }

    @Test func foldedAndStemmedTermsStartAlikeOnEveryVocabularyWord() throws {
        let analyzer = Analyzer()
        var changed: [String] = []
        for (word, _) in try Porter2Tests.vocabulary() {
            analyzer.analyze(word) { token in
                if token.term.first != token.folded.first { changed.append(word) }
            }
        }
        #expect(changed.isEmpty, "\(changed.count) words: \(changed.prefix(20))")
    }

    @Test func reportsOnlyWantedTokensAndKeepsPhraseAdjacency() {
        let text = "The Rome Statute, signed in Rome; ICC-related rules. U.S. rôle: «Résumé» rest"
        let initials = TermInitials([Array("r".utf8), Array("s".utf8)])
        let tokens = Self.reported(text, initials: initials)
        #expect(tokens == Self.reference(text, initials: initials))
        #expect(tokens.map { String(decoding: $0.term, as: UTF8.self) }
            == ["rome", "statut", "sign", "rome", "relat", "rule", "role", "resum", "rest"])
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
        ]
        let separators = [" ", " ", " ", "\n", "\t", "  ", "\r\n", "", "-", ".", "\u{0B}", "\u{0C}"]
        var text = ""
        for _ in 0..<Int.random(in: 0...60, using: &random) {
            text += words.randomElement(using: &random) ?? ""
            text += separators.randomElement(using: &random) ?? ""
        }
        var initials = TermInitials()
        let pool = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8) + [0xCE, 0xE6, 0xE6, 0xEF]
        for _ in 0..<Int.random(in: 0...6, using: &random) {
            if let byte = pool.randomElement(using: &random) { initials.insert(byte) }
        }
        for stemming in [true, false] {
            #expect(
                Self.reported(text, initials: initials, stemming: stemming)
                    == Self.reference(text, initials: initials, stemming: stemming),
                "text: \(text.debugDescription)")
        }
    }
}
