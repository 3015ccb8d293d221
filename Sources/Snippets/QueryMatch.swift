import Analysis

/// One place in a passage where a query unit (a term, a prefix or a whole phrase) matched.
struct QueryMatch: Equatable {
    /// Byte range in the passage's UTF-8 text.
    var range: Range<Int>
    /// Which query unit matched: terms first, then prefixes, then phrases.
    var unit: Int
    /// How many query words the match stands for: a phrase of n words counts n, so a window
    /// showing the phrase beats one showing a single loose word.
    var words = 1
}

extension QueryMatch {
    /// Every match of `query` in `text`, sorted by start.
    ///
    /// Runs the analyzer once over the passage and compares term bytes against the query's
    /// few terms, so no `String` or `Array` is built per token.
    static func all(in text: UnsafeBufferPointer<UInt8>, query: HighlightQuery, analyzer: Analyzer) -> [QueryMatch] {
        let vocabulary = QueryVocabulary(query)
        var tokens: [(position: UInt32, range: Range<Int>, word: Int)] = []
        var matches: [QueryMatch] = []
        analyzer.analyze(text) { token in
            let word = vocabulary.index(of: token.term)
            tokens.append((token.position, token.sourceRange, word))
            if word >= 0, let unit = vocabulary.termUnit[word] {
                matches.append(QueryMatch(range: token.sourceRange, unit: unit))
            } else if let prefix = query.prefixes.firstIndex(where: { token.folded.starts(with: $0) }) {
                matches.append(QueryMatch(range: token.sourceRange, unit: query.terms.count + prefix))
            }
        }
        let phraseBase = query.terms.count + query.prefixes.count
        for (phraseIndex, phrase) in vocabulary.phraseWords.enumerated() {
            for start in tokens.indices where tokens[start].word == phrase[0] {
                var end = start
                var complete = true
                for offset in 1..<max(1, phrase.count) {
                    let wanted = tokens[start].position + UInt32(offset)
                    var next = end + 1
                    while next < tokens.count,
                          tokens[next].position < wanted || (tokens[next].position == wanted && tokens[next].word != phrase[offset]) {
                        next += 1
                    }
                    guard next < tokens.count, tokens[next].position == wanted else { complete = false; break }
                    end = next
                }
                if complete {
                    let range = tokens[start].range.lowerBound..<tokens[end].range.upperBound
                    matches.append(QueryMatch(range: range, unit: phraseBase + phraseIndex, words: phrase.count))
                }
            }
        }
        return matches.sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
    }
}

/// The distinct words of a query, numbered, so each token is compared once.
private struct QueryVocabulary {
    var words: [[UInt8]] = []
    /// For each word, the unit of the single-term query it stands for, if any.
    var termUnit: [Int?] = []
    /// Each phrase as word numbers.
    var phraseWords: [[Int]] = []

    init(_ query: HighlightQuery) {
        for (unit, term) in query.terms.enumerated() {
            termUnit[add(term)] = unit
        }
        phraseWords = query.phrases.map { phrase in phrase.map { add($0) } }
    }

    private mutating func add(_ word: [UInt8]) -> Int {
        if let existing = words.firstIndex(of: word) { return existing }
        words.append(word)
        termUnit.append(nil)
        return words.count - 1
    }

    func index(of term: UnsafeBufferPointer<UInt8>) -> Int {
        words.firstIndex { $0.elementsEqual(term) } ?? -1
    }
}
