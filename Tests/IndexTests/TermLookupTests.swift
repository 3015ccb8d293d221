@testable import Index
import TestSupport
import Testing

/// `TermDictionary.lookup` compares by prefix lengths without rebuilding keys: checked
/// against a plain map over dictionaries of many blocks, and against hand-made damage.
@Suite struct TermLookupTests {
    /// Keys sharing long prefixes (so entries share most of their bytes), keys that are
    /// prefixes of others, and short keys, in every field.
    static func keys(_ count: Int, seed: UInt64) -> [[UInt8]] {
        var random = SeededGenerator(seed: seed)
        let stems: [[UInt8]] = ["internationalization", "internal", "inter", "a", "zzzz", ""].map { Array($0.utf8) }
        var set = Set<[UInt8]>()
        while set.count < count {
            let field = UInt8.random(in: 0...2, using: &random)
            let stem = stems[Int.random(in: 0..<stems.count, using: &random)]
            let cut = Int.random(in: 0...stem.count, using: &random)
            let tail = (0..<Int.random(in: 0...3, using: &random)).map { _ in UInt8.random(in: 97...99, using: &random) }
            set.insert([field] + stem[..<cut] + tail)
        }
        return set.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// Every key, and keys next to every key: one byte more or less, its last byte moved
    /// up or down, and keys before and after all of them.
    static func probes(around keys: [[UInt8]]) -> [[UInt8]] {
        var probes: [[UInt8]] = [[], [0], [3], [255, 255], [0, 0], [2, 255]]
        for key in keys {
            probes.append(key)
            probes.append(key + [0])
            probes.append(key + [255])
            probes.append(key + [98])
            probes.append(Array(key.dropLast()))
            if let last = key.last {
                if last > 0 { probes.append(key.dropLast() + [last - 1]) }
                if last < 255 { probes.append(key.dropLast() + [last + 1]) }
            }
        }
        return probes
    }

    @Test(arguments: [(1 as UInt64, 1), (2, 32), (3, 33), (4, 700), (5, 2_000)])
    func lookupAgreesWithAMapOfEveryKey(seed: UInt64, count: Int) throws {
        let keys = Self.keys(count, seed: seed)
        let (dictionary, file) = try TermDictionaryTests.dictionary(keys)
        var expected: [[UInt8]: TermInfo] = [:]
        for (i, key) in keys.enumerated() {
            expected[key] = TermInfo(documentFrequency: i + 1, postingsOffset: i * 10, positionsOffset: i * 7)
        }
        for probe in Self.probes(around: keys) {
            let found = try probe.withUnsafeBytes { try dictionary.lookup($0) }
            #expect(found == expected[probe], "\(probe)")
        }
        withExtendedLifetime(file) {}
    }

    /// Blocks' first keys are remembered as lookups read them (`TermBlockKeys`): asked
    /// again, or in the reverse order on a fresh dictionary, every probe answers the same.
    @Test func rememberedFirstKeysAnswerAsKeysReadInPlace() throws {
        let keys = Self.keys(700, seed: 6)
        let probes = Self.probes(around: keys)
        let (dictionary, file) = try TermDictionaryTests.dictionary(keys)
        let first = try probes.map { try Self.lookup($0, in: dictionary) }
        #expect(try probes.map { try Self.lookup($0, in: dictionary) } == first)
        let (fresh, freshFile) = try TermDictionaryTests.dictionary(keys)
        #expect(try probes.reversed().map { try Self.lookup($0, in: fresh) }.reversed() == first)
        withExtendedLifetime((file, freshFile)) {}
    }

    /// A first key too long to be remembered is read in place every time.
    @Test func longFirstKeysAreReadInPlace() throws {
        let stem = [0] + [UInt8](repeating: 97, count: TermBlockKeys.maxLength + 10)
        let long = (1...UInt8(3 * TermDictionaryWriter.blockSize)).map { stem + [$0] }
        let keys = [[0, 96]] + long + [[0, 98]]
        let (dictionary, file) = try TermDictionaryTests.dictionary(keys)
        for _ in 0..<2 {
            for (i, key) in keys.enumerated() {
                #expect(try Self.lookup(key, in: dictionary)?.documentFrequency == i + 1)
            }
        }
        withExtendedLifetime(file) {}
    }

    /// A dictionary of one block: entry `[0, 97]` (df 1, no impacts, offsets 0), then
    /// `rest`, with valid checksums, so the reader meets any damage in `rest` itself.
    static func handMade(then rest: [UInt8], blockStart: Int = 0) throws -> (TermDictionary, MappedFile) {
        let storage = MemoryStorage()
        let file = try IndexFileWriter(storage: storage, name: "t", kind: .terms)
        let block: [UInt8] = [0, 2, 0, 97, 1, 0, 0, 0] + rest
        try file.write(block)
        var tail = ByteWriter()
        tail.appendFixed(UInt64(blockStart))
        tail.appendFixed(UInt64(block.count))
        tail.appendFixed(UInt64(1))
        tail.appendFixed(UInt64(2))
        for _ in IndexField.allCases { tail.appendFixed(UInt64(0)) }
        try file.write(tail)
        try file.finish()
        let mapped = try storage.open("t")
        return (try TermDictionary(try CheckedFile(mapped, kind: .terms, verify: .checksum)), mapped)
    }

    /// Second entries for key `[0, 98]` (shared, suffix length, suffix, df, impacts,
    /// offsets), each damaged one way; every value is below 128, so a byte is its varint.
    static let damage: [(String, [UInt8])] = [
        ("shares more than the previous key", [5, 1, 98, 1, 0, 0, 0]),
        ("suffix past the block", [1, 40, 98]),
        ("no postings", [1, 1, 98, 0, 0, 0, 0]),
        ("too many impacts", [1, 1, 98, 1, 0x1F, 1, 1, 1]),
        ("varint cut by the block end", [1, 1, 98, 1, 0, 0x80]),
        ("overlong varint", [1, 1, 98] + [UInt8](repeating: 0xFF, count: 11) + [1]),
    ]

    static func lookup(_ key: [UInt8], in dictionary: TermDictionary) throws -> TermInfo? {
        try key.withUnsafeBytes { try dictionary.lookup($0) }
    }

    @Test(arguments: damage.indices)
    func damagedEntriesAreAnErrorNotACrash(index: Int) throws {
        let (dictionary, file) = try Self.handMade(then: Self.damage[index].1)
        #expect(try Self.lookup([0, 97], in: dictionary)?.documentFrequency == 1)
        #expect(throws: IndexError.self, "\(Self.damage[index].0)") { try Self.lookup([0, 98], in: dictionary) }
        var iterator = dictionary.makeIterator()
        #expect(throws: IndexError.self) { while try iterator.next() {} }
        withExtendedLifetime(file) {}
    }

    @Test func theUndamagedHandMadeDictionaryReads() throws {
        let (dictionary, file) = try Self.handMade(then: [1, 1, 98, 2, 0, 3, 4])
        let found = try Self.lookup([0, 98], in: dictionary)
        #expect(found == TermInfo(documentFrequency: 2, postingsOffset: 3, positionsOffset: 4))
        withExtendedLifetime(file) {}
    }

    @Test func aBlockIndexPointingPastItsEndIsAnErrorNotATrap() throws {
        let (dictionary, file) = try Self.handMade(then: [], blockStart: 100)
        #expect(throws: IndexError.self) { try Self.lookup([0, 97], in: dictionary) }
        withExtendedLifetime(file) {}
    }
}
