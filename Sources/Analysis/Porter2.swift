/// The English Porter2 ("Snowball english") stemmer, on bytes.
///
/// Follows `english.sbl` of Snowball 3 (the version PyStemmer 3.1 ships, with its `inter`
/// prefix) step by step; the test suite checks it against the reference implementation's
/// stems of 27,438 words (`Fixtures/porter2-vocabulary.tsv`). Only words made of `a`–`z` are
/// stemmed: terms with digits or other scripts pass through unchanged, so the stemmer can never
/// mangle a number or a non-English word.
public enum Porter2 {
    /// Stems `word` into `output`, which must hold at least `word.count + 1` bytes.
    ///
    /// - Returns: the stem's length, or nil when `word` is not all lowercase `a`–`z` (it is then
    ///   not stemmed and `output` is untouched).
    /// - Complexity: O(n) in the word's length, no allocation.
    public static func stem(_ word: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<UInt8>) -> Int? {
        for byte in word where byte &- UInt8(ascii: "a") >= 26 { return nil }
        output.update(from: word.baseAddress ?? UnsafePointer(output), count: word.count)
        var stemmer = Porter2Word(output, count: word.count)
        stemmer.stem()
        return stemmer.count
    }

    /// Convenience for tests and query tools: the stem of a lowercase word.
    public static func stem(_ word: String) -> String {
        var word = word
        return word.withUTF8 { bytes in
            let output = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count + 1)
            defer { output.deallocate() }
            guard let count = stem(bytes, into: output) else { return String(decoding: bytes, as: UTF8.self) }
            return String(decoding: UnsafeBufferPointer(start: output, count: count), as: UTF8.self)
        }
    }
}
