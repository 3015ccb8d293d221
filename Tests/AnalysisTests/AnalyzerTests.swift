import Analysis
import Testing

/// Tokenizer rules, folding and positions, through the public `Analyzer`.
struct AnalyzerTests {
    let plain = Analyzer(stemming: false)

    /// `(term, position)` pairs in emission order.
    func tokens(_ text: String, stemming: Bool = false) -> [String] {
        var result: [String] = []
        Analyzer(stemming: stemming).analyze(text) {
            result.append("\(String(decoding: $0.term, as: UTF8.self))@\($0.position)\($0.isCompoundWhole ? "+" : "")")
        }
        return result
    }

    @Test func tokensKeepTheirSourceRanges() {
        let text = "Rome Statute, 1998"
        var ranges: [Range<Int>] = []
        Analyzer().analyze(text) { ranges.append($0.sourceRange) }
        #expect(ranges == [0..<4, 5..<12, 14..<18])
    }

    @Test(arguments: [
        ("The members’ rights", ["the", "members", "rights"]),
        ("the member's vote", ["the", "member", "vote"]),
        ("MEMBER’S", ["member"]),
        ("don't stop", ["dont", "stop"]),
        ("O’Neil's", ["oneil"]),
        ("'quoted'", ["quoted"]),
        ("U.S. policy", ["us", "policy"]),
        ("e.g. this", ["eg", "this"]),
        ("version 3.5 and 1.2.3.", ["version", "3.5", "and", "1.2.3"]),
        ("end. Next", ["end", "next"]),
        ("", []),
        ("  ,;  ", []),
    ])
    func wordRules(text: String, expected: [String]) {
        #expect(plain.terms(text) == expected)
    }

    @Test func hyphenatedWordsYieldWholeThenParts() {
        #expect(tokens("an ICC-related case") == ["an@0", "iccrelated@1+", "icc@1", "related@2", "case@3"])
        #expect(tokens("state-of-the-art") == ["stateoftheart@0+", "state@0", "of@1", "the@2", "art@3"])
        #expect(tokens("COVID‐19") == ["covid19@0+", "covid@0", "19@1"])
        #expect(tokens("1990-1995 x") == ["1990@0", "1995@1", "x@2"])
        #expect(tokens("U.S.-based") == ["us@0", "based@1"])
        #expect(tokens("snake_case") == ["snakecase@0+", "snake@0", "case@1"])
        #expect(tokens("example.com") == ["examplecom@0+", "example@0", "com@1"])
        #expect(tokens("-lead trail- x") == ["lead@0", "trail@1", "x@2"])
    }

    @Test func aWholeThatStemsToItsFirstPartIsDropped() {
        #expect(tokens("ing-s", stemming: true) == ["ing@0", "s@1"])
        #expect(tokens("runs-fast", stemming: true) == ["runsfast@0+", "run@0", "fast@1"])
    }

    @Test func phrasesAcrossCompoundPartsLineUp() {
        // "icc related" as plain words gets the same relative positions as the parts.
        let compound = Analyzer().queryTerms("ICC-related court").filter { !$0.isCompoundWhole }
        let spaced = Analyzer().queryTerms("icc related court")
        #expect(compound.map(\.term) == spaced.map(\.term))
        #expect(compound.map(\.position) == spaced.map(\.position))
    }

    @Test func compoundWholeCoversTheWholeSourceRange() {
        var ranges: [Range<Int>] = []
        plain.analyze("x ICC-related") { ranges.append($0.sourceRange) }
        #expect(ranges == [0..<1, 2..<13, 2..<5, 6..<13])
    }

    @Test(arguments: [
        ("Café", "cafe"), ("Straße", "strasse"), ("ÆON", "aeon"), ("ﬁnance", "finance"),
        ("ＡＢＣ１２３", "abc123"), ("naïve", "naive"), ("Ångström", "angstrom"), ("ŁÓDŹ", "lodz"),
        ("ΆΘΗΝΑ", "αθηνα"), ("Ὀδυσσεύς", "οδυσσευσ"), ("Ёлка", "елка"), ("İstanbul", "istanbul"),
        ("x²", "x2"), ("Ⅻ", "xii"), ("e\u{301}te\u{301}", "ete"), ("infor\u{AD}mation", "information"),
        ("שָׁלוֹם", "שלום"), ("Øresund", "oresund"), ("þorn", "thorn"), ("𝐀𝐁", "ab"),
    ])
    func folding(text: String, expected: String) {
        #expect(plain.terms(text) == [expected])
    }

    @Test func nonLatinScriptsAreWords() {
        #expect(plain.terms("Москва и Київ") == ["москва", "и", "киів"])
        #expect(plain.terms("नमस्ते दुनिया") == ["नमस्ते", "दुनिया"])
        #expect(plain.terms("مرحبا ١٢٣") == ["مرحبا", "١٢٣"])
    }

    @Test func cjkRunsBecomeBigrams() {
        #expect(tokens("東京都に行く") == ["東京@0", "京都@1", "都に@2", "に行@3", "行く@4"])
        #expect(tokens("東 京") == ["東@0", "京@1"])
        #expect(tokens("iPhone用の") == ["iphone@0", "用の@1"])
        #expect(tokens("한국어 x") == ["한국@0", "국어@1", "x@2"])
        #expect(tokens("ｶﾀｶﾅ") == ["カタ@0", "タカ@1", "カナ@2"])
    }

    @Test func cjkSourceRangesCoverBothCharacters() {
        var ranges: [Range<Int>] = []
        plain.analyze("a 東京都") { ranges.append($0.sourceRange) }
        #expect(ranges == [0..<1, 2..<8, 5..<11])
    }

    @Test func sourceRangesPointAtTheWordInMultiByteText() {
        let text = "Ünïcödé — café’s ﬁne, 東京"
        var words: [String] = []
        plain.analyze(text) { token in
            let bytes = Array(text.utf8)[token.sourceRange]
            words.append(String(decoding: bytes, as: UTF8.self))
        }
        #expect(words == ["Ünïcödé", "café’s", "ﬁne", "東京"])
    }

    @Test func stemmingIsOptional() {
        #expect(Analyzer().terms("Running connections") == ["run", "connect"])
        #expect(Analyzer(stemming: false).terms("Running connections") == ["running", "connections"])
        #expect(Analyzer().terms("Cafés") == ["cafe"])
    }

    @Test func invalidUTF8SeparatesWords() {
        let bytes: [UInt8] = [0x61, 0xFF, 0x62, 0xC3, 0x28, 0x63, 0xE2, 0x82, 0x64, 0xED, 0xA0, 0x80, 0x65, 0xF4, 0x90,
                              0x80, 0x80, 0x66, 0xC3]
        var terms: [String] = []
        bytes.withUnsafeBufferPointer { buffer in
            plain.analyze(buffer) { terms.append(String(decoding: $0.term, as: UTF8.self)) }
        }
        #expect(terms == ["a", "b", "c", "d", "e", "f"])
    }

    @Test func overlongWordsAreDroppedButKeepTheirPosition() {
        let long = String(repeating: "x", count: 65)
        let huge = String(repeating: "y", count: 10_000)
        #expect(tokens("a \(long) b \(huge) c") == ["a@0", "b@2", "c@4"])
        #expect(tokens(String(repeating: "x", count: 64)).count == 1)
    }

    @Test func longCompoundChainsAreSplit() {
        let chain = (0..<20).map { "w\($0)" }.joined(separator: "-")
        let parts = tokens(chain).filter { !$0.hasSuffix("+") }
        #expect(parts.count == 20)
        #expect(parts.last == "w19@19")
    }

    @Test func hugeInputIsAnalysedInOnePass() {
        let text = String(repeating: "Alpha beta-gamma 東京 café. ", count: 20_000)
        var count = 0
        var lastPosition: UInt32 = 0
        Analyzer().analyze(text) {
            count += 1
            lastPosition = $0.position
        }
        #expect(count == 20_000 * 6)
        #expect(lastPosition == 20_000 * 5 - 1)
    }
}
