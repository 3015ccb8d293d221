/// English stopwords, for the query side to consult; the index keeps every word.
///
/// The Snowball English list with apostrophes dropped the way the tokenizer drops them
/// (`don't` → `dont`), minus words that are also common content words once folded (`well`,
/// `shell`, `ill`, `cant`...) and minus `us`, which is also what `U.S.` analyses to.
public enum Stopwords {
    /// The list, sorted bytewise so lookups need no `String`. Written out sorted (a test checks
    /// the order) rather than split and sorted at start-up, which cost half a million
    /// instructions of every cold `citex search`.
    public static let words: [[UInt8]] = [
        "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are",
        "arent", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
        "but", "by", "cannot", "could", "couldnt", "did", "didnt", "do", "does", "doesnt", "doing",
        "dont", "down", "during", "each", "few", "for", "from", "further", "had", "hadnt", "has",
        "hasnt", "have", "havent", "having", "he", "her", "here", "heres", "hers", "herself", "hes",
        "him", "himself", "his", "how", "hows", "i", "if", "im", "in", "into", "is", "isnt", "it",
        "its", "itself", "ive", "me", "more", "most", "mustnt", "my", "myself", "no", "nor", "not",
        "of", "off", "on", "once", "only", "or", "other", "ought", "our", "ours", "ourselves", "out",
        "over", "own", "same", "shant", "she", "shes", "should", "shouldnt", "so", "some", "such",
        "than", "that", "thats", "the", "their", "theirs", "them", "themselves", "then", "there",
        "theres", "these", "they", "theyd", "theyll", "theyre", "theyve", "this", "those", "through",
        "to", "too", "under", "until", "up", "very", "was", "wasnt", "we", "were", "werent", "weve",
        "what", "whats", "when", "whens", "where", "wheres", "which", "while", "who", "whom", "whos",
        "why", "whys", "with", "would", "wouldnt", "you", "youd", "youll", "your", "youre", "yours",
        "yourself", "yourselves", "youve",
    ].map { Array($0.utf8) }

    /// Whether `term`, a folded and unstemmed term (`QueryTerm.folded`), is a stopword.
    ///
    /// - Complexity: O(log n) comparisons, no allocation.
    public static func contains(_ term: UnsafeBufferPointer<UInt8>) -> Bool {
        var low = 0
        var high = words.count
        while low < high {
            let mid = (low + high) / 2
            let word = words[mid]
            if word.elementsEqual(term) { return true }
            if word.lexicographicallyPrecedes(term) { low = mid + 1 } else { high = mid }
        }
        return false
    }

    /// Convenience for a folded term held as a `String`.
    public static func contains(_ term: String) -> Bool {
        var term = term
        return term.withUTF8 { contains($0) }
    }
}
