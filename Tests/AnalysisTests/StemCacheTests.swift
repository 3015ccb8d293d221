@testable import Analysis
import Testing

/// The per-thread stem memo must be invisible: same results as the stemmer, hit or miss.
struct StemCacheTests {
    func cachedStem(_ word: String, cache: StemCache) -> String {
        var word = word
        return word.withUTF8 { bytes in
            let output = UnsafeMutablePointer<UInt8>.allocate(capacity: max(StemCache.maxBytes, bytes.count + 1))
            defer { output.deallocate() }
            guard let count = cache.stem(bytes, into: output) else { return String(decoding: bytes, as: UTF8.self) }
            return String(decoding: UnsafeBufferPointer(start: output, count: count), as: UTF8.self)
        }
    }

    @Test func hitsAndMissesAgreeWithTheStemmer() throws {
        let words = try Porter2Tests.vocabulary().map(\.word).filter { $0.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A } }
            + ["covid19", "abcdefghijklmnop", "abcdefghijklmnopq", "sixteenletterses", "a", "ab", "x9"]
        let cache = StemCache.current()
        for pass in 0..<2 {
            for word in words {
                #expect(cachedStem(word, cache: cache) == Porter2.stem(word), "pass \(pass): \(word)")
            }
        }
    }

    @Test func threadsKeepTheirOwnCaches() async throws {
        let words = try Porter2Tests.vocabulary().prefix(5_000).map(\.word)
        let expected = words.map { Analyzer().terms($0) }
        try await withThrowingTaskGroup(of: [[String]].self) { group in
            for _ in 0..<4 { group.addTask { words.map { Analyzer().terms($0) } } }
            for try await result in group { #expect(result == expected) }
        }
    }
}
