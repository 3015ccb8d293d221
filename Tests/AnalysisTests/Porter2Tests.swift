import Analysis
import Foundation
import Testing

/// Porter2 against the reference implementation's stems (see Fixtures/make-vocabulary.py).
struct Porter2Tests {
    /// `word<TAB>expected term` lines of the committed vocabulary.
    static func vocabulary() throws -> [(word: String, stem: String)] {
        let url = try #require(Bundle.module.url(forResource: "porter2-vocabulary", withExtension: "tsv",
                                                 subdirectory: "Fixtures"))
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            return fields.count == 2 ? (String(fields[0]), String(fields[1])) : nil
        }
    }

    @Test func agreesWithTheReferenceOnEveryVocabularyWord() throws {
        let vocabulary = try Self.vocabulary()
        #expect(vocabulary.count > 20_000)
        var mismatches: [String] = []
        for (word, stem) in vocabulary where word.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) {
            let actual = Porter2.stem(word)
            if actual != stem { mismatches.append("\(word): \(actual) ≠ \(stem)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches: \(mismatches.prefix(30))")
    }

    @Test func analyzerFoldsThenStemsEveryVocabularyWord() throws {
        let analyzer = Analyzer()
        var mismatches: [String] = []
        for (word, stem) in try Self.vocabulary() {
            let terms = analyzer.terms(word)
            if terms != [stem] { mismatches.append("\(word): \(terms) ≠ \(stem)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches: \(mismatches.prefix(30))")
    }

    @Test(arguments: [
        ("generously", "generous"), ("dying", "die"), ("hopping", "hop"), ("adding", "add"),
        ("cries", "cri"), ("ties", "tie"), ("gas", "gas"), ("gaps", "gap"), ("news", "news"),
        ("inning", "inning"), ("skies", "sky"), ("organization", "organiz"), ("hoping", "hope"),
        ("yelling", "yell"), ("sayings", "say"), ("pastes", "paste"), ("geologists", "geolog"),
        ("internal", "internal"), ("proceed", "proceed"), ("outings", "outing"), ("agreed", "agre"),
    ])
    func stemsKnownWords(word: String, stem: String) {
        #expect(Porter2.stem(word) == stem)
    }

    @Test func leavesNonLetterTermsAlone() {
        #expect(Porter2.stem("covid19") == "covid19")
        #expect(Porter2.stem("ab") == "ab")
        #expect(Porter2.stem("") == "")
    }
}
