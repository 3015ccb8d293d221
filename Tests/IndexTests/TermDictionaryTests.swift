@testable import Index
import TestSupport
import Testing

/// Lookups and prefix scans across block boundaries (`TermDictionaryWriter.blockSize` entries per block).
@Suite struct TermDictionaryTests {
    static func dictionary(_ keys: [[UInt8]]) throws -> (TermDictionary, MappedFile) {
        let storage = MemoryStorage()
        let file = try IndexFileWriter(storage: storage, name: "t", kind: .terms)
        var writer = TermDictionaryWriter(file: file)
        for (i, key) in keys.enumerated() {
            try key.withUnsafeBytes {
                try writer.add(key: $0, info: TermInfo(documentFrequency: i + 1, postingsOffset: i * 10, positionsOffset: i * 7))
            }
        }
        try writer.finish()
        try file.finish()
        let mapped = try storage.open("t")
        return (try TermDictionary(try CheckedFile(mapped, kind: .terms, verify: .checksum)), mapped)
    }

    static func keys(_ count: Int, seed: UInt64) -> [[UInt8]] {
        var random = SeededGenerator(seed: seed)
        var set = Set<[UInt8]>()
        while set.count < count {
            let field = UInt8.random(in: 0...2, using: &random)
            set.insert([field] + (0..<Int.random(in: 0...6, using: &random)).map { _ in UInt8.random(in: 97...100, using: &random) })
        }
        return set.sorted { $0.lexicographicallyPrecedes($1) }
    }

    static let block = TermDictionaryWriter.blockSize

    @Test(arguments: [0, 1, block - 1, block, block + 1, 2 * block, 2 * block + 1, 300])
    func everyKeyIsFoundAndOthersAreNot(count: Int) throws {
        let keys = Self.keys(count, seed: UInt64(count))
        let (dictionary, file) = try Self.dictionary(keys)
        #expect(dictionary.termCount == count)
        for (i, key) in keys.enumerated() {
            let info = try key.withUnsafeBytes { try dictionary.lookup($0) }
            #expect(info == TermInfo(documentFrequency: i + 1, postingsOffset: i * 10, positionsOffset: i * 7))
        }
        let present = Set(keys)
        for probe in Self.keys(50, seed: 99) where !present.contains(probe) {
            #expect(try probe.withUnsafeBytes { try dictionary.lookup($0) } == nil)
        }
        for prefix in [[UInt8](), [0], [1, 97], [2, 100, 100], [3]] {
            var found: [[UInt8]] = []
            try prefix.withUnsafeBytes { raw in
                try dictionary.forEach(prefix: raw) { key, _ in
                    found.append(Array(key))
                    return true
                }
            }
            #expect(found == keys.filter { $0.starts(with: prefix) })
        }
        var iterator = dictionary.makeIterator()
        var walked: [[UInt8]] = []
        while try iterator.next() { walked.append(iterator.key) }
        #expect(walked == keys)
        withExtendedLifetime(file) {}
    }

    @Test func checkWalksEverythingAndCountsIt() throws {
        let storage = try DamagedFileTests.index()
        let report = try IndexReader.check(storage)
        let reader = try IndexReader.open(storage)
        #expect(report.passages == reader.totalPassageCount)
        #expect(report.documents == reader.segments.reduce(0) { $0 + $1.documentCount })
        #expect(report.terms > 0 && report.postings >= report.terms)
    }
}
