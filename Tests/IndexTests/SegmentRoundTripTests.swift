@testable import Index
import TestSupport
import Testing

/// Every posting, position, norm and stored field read back from a written segment equals
/// what went in, on randomized corpora, checked against `ReferenceIndex`.
@Suite struct SegmentRoundTripTests {
    static func segment(_ corpus: [(Document, SourceStamp)], storage: MemoryStorage = MemoryStorage()) throws -> SegmentReader {
        let buffer = SegmentBuffer(analyzer: .init())
        for (document, stamp) in corpus { buffer.add(document, source: stamp) }
        let info = try buffer.write(to: storage, name: "seg1")
        return try SegmentReader(storage: storage, info: info, verify: .checksum)
    }

    static func expectMatches(_ segment: SegmentReader, _ reference: ReferenceIndex) throws {
        #expect(segment.passageCount == reference.passages.count)
        #expect(segment.documentCount == reference.documents.count)
        var positions: [UInt32] = []
        for field in IndexField.allCases {
            let expected = reference.postings[field] ?? [:]
            #expect(segment.termCount(field) == expected.count)
            for (term, list) in expected {
                guard var cursor = try segment.postings(field, term: term) else {
                    Issue.record("missing term \(term) in \(field)")
                    continue
                }
                #expect(cursor.documentFrequency == list.count)
                for posting in list {
                    #expect(cursor.passage.rawValue == posting.passage)
                    #expect(cursor.frequency == UInt32(posting.positions.count))
                    cursor.positions(into: &positions)
                    #expect(positions == posting.positions)
                    cursor.next()
                }
                #expect(cursor.passage == .end)
                #expect(try Self.scannedInRuns(segment, field, term) == list.map { [$0.passage, UInt32($0.positions.count)] })
            }
            let norms = segment.norms(field)
            #expect((0..<segment.passageCount).map { norms[$0] } == reference.norms[field] ?? [])
            let stats = segment.statistics(field)
            #expect(stats.totalLength == (reference.norms[field] ?? []).reduce(0) { $0 + Int($1) })
        }
        for (n, passage) in reference.passages.enumerated() {
            #expect(try segment.passage(PassageNumber(n)) == passage)
            #expect(segment.passageID(PassageNumber(n)) == passage.passage.id)
            #expect(segment.documentNumber(of: PassageNumber(n)) == passage.document)
        }
        for (n, document) in reference.documents.enumerated() {
            #expect(try segment.document(DocumentNumber(n)) == document)
        }
    }

    /// The postings `scan(through:)` visits when called in runs of 1 to 300 passages (so runs
    /// end inside blocks, on their last posting and across several), as (passage, frequency).
    static func scannedInRuns(_ segment: SegmentReader, _ field: IndexField, _ term: String) throws -> [[UInt32]] {
        guard var cursor = try segment.postings(field, term: term) else { return [] }
        var visited: [[UInt32]] = []
        var last = PassageNumber(rawValue: 0)
        var step: UInt32 = 1
        while cursor.passage != .end {
            let stood = cursor.scan(through: last) { visited.append([$0.rawValue, $1]) }
            #expect(stood == cursor.passage && stood > last)
            last = PassageNumber(rawValue: last.rawValue + step)
            step = step % 300 + 7
        }
        return visited
    }

    @Test(arguments: [(1, UInt64(1)), (40, 2), (300, 3)])
    func randomCorpusRoundTrips(documents: Int, seed: UInt64) throws {
        let corpus = RandomCorpus.documents(count: documents, seed: seed)
        try Self.expectMatches(try Self.segment(corpus), ReferenceIndex(corpus))
    }

    @Test func absentTermsAndFieldsAreNotFound() throws {
        let corpus = RandomCorpus.documents(count: 50, seed: 4)
        let segment = try Self.segment(corpus)
        #expect(try segment.postings(.text, term: "zzzzzzzzzzzz") == nil)
        #expect(try segment.postings(.text, term: "") == nil)
        let reference = ReferenceIndex(corpus)
        for term in (reference.postings[.title] ?? [:]).keys where reference.postings[.text]?[term] == nil {
            #expect(try segment.postings(.text, term: term) == nil)
        }
    }

    @Test func prefixEnumerationListsExactlyTheMatchingTermsInOrder() throws {
        let corpus = RandomCorpus.documents(count: 200, seed: 5)
        let segment = try Self.segment(corpus)
        let reference = ReferenceIndex(corpus)
        for prefix in ["", "a", "b", "co", "zz", "q"] {
            for field in IndexField.allCases {
                var found: [String] = []
                var prefixBytes = Array(prefix.utf8)
                try prefixBytes.withUnsafeBytes { raw in
                    try segment.terms(field, prefix: raw) { term, info in
                        found.append(String(decoding: term, as: UTF8.self))
                        #expect(info.documentFrequency == reference.postings[field]?[found.last!]?.count)
                        return true
                    }
                }
                prefixBytes = []
                let expected = (reference.postings[field] ?? [:]).keys.filter { $0.hasPrefix(prefix) }
                    .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
                #expect(found == expected, "prefix \(prefix) in \(field)")
            }
        }
    }

    @Test func emptySegmentRoundTrips() throws {
        let segment = try Self.segment([])
        #expect(segment.passageCount == 0)
        #expect(try segment.postings(.text, term: "a") == nil)
    }

    @Test func passageIsFoundByItsID() throws {
        let corpus = RandomCorpus.documents(count: 30, seed: 6)
        let segment = try Self.segment(corpus)
        let reference = ReferenceIndex(corpus)
        for (n, passage) in reference.passages.enumerated() {
            #expect(segment.passageNumber(of: passage.passage.id) == PassageNumber(n))
        }
        #expect(segment.passageNumber(of: PassageID(rawValue: 12345)) == nil)
    }

    /// The passages sampled for a store's dictionary are spread over the whole segment.
    @Test func dictionarySamplesSpanTheSegment() {
        #expect(SegmentFilesWriter.passageSampleNumbers(count: 0).isEmpty)
        #expect(SegmentFilesWriter.passageSampleNumbers(count: 5) == [0, 1, 2, 3, 4])
        let numbers = SegmentFilesWriter.passageSampleNumbers(count: 100_000)
        #expect(numbers.count == SegmentFilesWriter.passageSampleSize)
        #expect(zip(numbers, numbers.dropFirst()).allSatisfy { $0 < $1 })
        #expect(numbers.first == 0 && (numbers.last ?? 0) >= 99_000 && (numbers.last ?? 0) < 100_000)
    }
}
