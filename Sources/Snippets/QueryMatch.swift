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
    /// Every match of `matcher`'s query in `text`, sorted by start (then end).
    ///
    /// Analyses only the parts of the passage where a token could match (tokens whose first
    /// byte starts no query word or prefix are skipped before folding or stemming) and compares
    /// term bytes against the query's few words, so no `String` or `Array` is built per token.
    /// Phrases are found among the tokens that are query words: the filtered analysis keeps
    /// adjacent positions adjacent, and a phrase is made of query words only.
    static func all(in text: UnsafeBufferPointer<UInt8>, matcher: HighlightMatcher, analyzer: Analyzer) -> [QueryMatch] {
        var words: [(position: UInt32, range: Range<Int>, word: Int)] = []
        var matches: [QueryMatch] = []
        matches.reserveCapacity(16)  // one allocation for a typical hit, not one per doubling
        let keepsWords = !matcher.phraseWords.isEmpty
        analyzer.analyze(text, initials: matcher.initials) { token in
            let word = matcher.index(of: token.term)
            if word >= 0 {
                if keepsWords { words.append((token.position, token.sourceRange, word)) }
                let unit = matcher.termUnit[word]
                if unit >= 0 {
                    matches.append(QueryMatch(range: token.sourceRange, unit: unit))
                    return
                }
            }
            if let unit = matcher.prefixUnit(of: token.folded) {
                matches.append(QueryMatch(range: token.sourceRange, unit: unit))
            }
        }
        let phraseBase = matcher.query.terms.count + matcher.query.prefixes.count
        for (phraseIndex, phrase) in matcher.phraseWords.enumerated() {
            for start in words.indices where words[start].word == phrase[0] {
                var end = start
                var complete = true
                for offset in 1..<max(1, phrase.count) {
                    let wanted = words[start].position + UInt32(offset)
                    var next = end + 1
                    while next < words.count,
                          words[next].position < wanted || (words[next].position == wanted && words[next].word != phrase[offset]) {
                        next += 1
                    }
                    guard next < words.count, words[next].position == wanted else { complete = false; break }
                    end = next
                }
                if complete {
                    let range = words[start].range.lowerBound..<words[end].range.upperBound
                    matches.append(QueryMatch(range: range, unit: phraseBase + phraseIndex, words: phrase.count))
                }
            }
        }
        matches.sort { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        return matches
    }
}
