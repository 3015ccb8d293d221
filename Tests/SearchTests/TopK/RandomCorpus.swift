import Analysis
import Index
import Search
import TestSupport

/// Random segments and queries with a Zipf-like vocabulary, replayable from a seed.
struct RandomCorpus {
    var generator: SeededGenerator
    let vocabulary: [String]
    let paths = ["docs/api/a.html", "docs/api/b.html", "docs/guide/c.html", "notes/d.xml", "notes/e.xml", "f.html"]
    let languages: [String?] = ["en", "en-GB", "fr", nil]
    /// The passages of the last segment made, as text, to pick phrases from.
    private(set) var texts: [[IndexField: [String]]] = []

    init(seed: UInt64, vocabularySize: Int = 40) {
        generator = SeededGenerator(seed: seed)
        let syllables = ["ka", "lo", "mi", "ru", "te", "zo", "pa", "ni"]
        vocabulary = (0..<vocabularySize).map { index in
            var word = "q"
            var value = index
            repeat {
                word += syllables[value % syllables.count]
                value /= syllables.count
            } while value > 0
            return word
        }
    }

    /// A vocabulary word, skewed so that low indices are frequent.
    mutating func word() -> String {
        let u = Double.random(in: 0..<1, using: &generator)
        return vocabulary[min(vocabulary.count - 1, Int(Double(vocabulary.count) * u * u * u))]
    }

    mutating func words(_ range: ClosedRange<Int>) -> [String] {
        (0..<Int.random(in: range, using: &generator)).map { _ in word() }
    }

    /// A segment of `documents` documents with 1–6 passages each; some passages deleted.
    mutating func segment(documents: Int, blockSize: Int, deletions: Bool) -> InMemorySegment {
        var records: [InMemorySegment.Document] = []
        var passages: [InMemorySegment.Passage] = []
        texts = []
        for number in 0..<documents {
            records.append(
                InMemorySegment.Document(
                    path: paths.randomElement(using: &generator) ?? "", language: languages.randomElement(using: &generator) ?? nil))
            let title = words(1...4)
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                let fields: [IndexField: [String]] = [.title: title, .section: words(0...3), .text: words(0...30)]
                texts.append(fields)
                passages.append(
                    InMemorySegment.Passage(
                        document: DocumentNumber(rawValue: UInt32(number)), fields: fields,
                        isDeleted: deletions && Int.random(in: 0..<10, using: &generator) == 0))
            }
        }
        return InMemorySegment(documents: records, passages: passages, blockSize: blockSize)
    }

    /// A random query exercising every construct of the language.
    mutating func query(depth: Int = 0) -> String {
        let clauses = Int.random(in: 1...(depth == 0 ? 5 : 3), using: &generator)
        var parts: [String] = []
        for _ in 0..<clauses {
            parts.append(clause(depth: depth))
        }
        if depth == 0, parts.allSatisfy({ $0.hasPrefix("-") || $0.hasPrefix("path:") || $0.hasPrefix("lang:") }) {
            parts.append(word())
        }
        return parts.joined(separator: " ")
    }

    private mutating func clause(depth: Int) -> String {
        switch Int.random(in: 0..<20, using: &generator) {
        case 0, 1: return "+" + word()
        case 2: return "-" + word()
        case 3: return "\"" + phrase() + "\""
        case 4: return "title:" + word()
        case 5: return "section:" + word()
        case 6: return "path:" + (["docs", "docs/api", "notes", "f.html"].randomElement(using: &generator) ?? "")
        case 7: return "lang:" + (["en", "fr"].randomElement(using: &generator) ?? "")
        case 8: return String(word().prefix(3)) + "*"
        case 9: return word() + " AND " + word()
        case 10: return word() + " OR " + word()
        case 11: return word() + " AND NOT " + word()
        case 12 where depth < 2: return "(" + query(depth: depth + 1) + ")"
        case 13 where depth < 2: return "+(" + query(depth: depth + 1) + ")"
        default: return word()
        }
    }

    /// Two or three adjacent words from some passage's text, so phrases do match.
    mutating func phrase(words: ClosedRange<Int> = 2...3) -> String {
        let text = texts.randomElement(using: &generator)?[.text] ?? []
        guard text.count >= 3 else { return word() + " " + word() }
        let start = Int.random(in: 0...(text.count - 2), using: &generator)
        return text[start..<min(text.count, start + Int.random(in: words, using: &generator))].joined(separator: " ")
    }
}
