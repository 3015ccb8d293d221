import Index
@testable import Search
import Testing
import TestSupport

/// Block bounds from impacts must hold for every posting of their block (or pruning loses
/// hits), and should beat the former bound, the (highest frequency, shortest field) corner.
struct ImpactBoundTests {
    /// A few scoring settings: the bound must hold whatever the query-time parameters.
    static let formulas = [
        BM25F(parameters: BM25Parameters(), fieldWeights: FieldWeights(), averageLengths: [3, 2, 14]),
        BM25F(parameters: BM25Parameters(k1: 2, b: 1), fieldWeights: FieldWeights(), averageLengths: [1, 1, 1]),
        BM25F(parameters: BM25Parameters(k1: 0.5, b: 0.3), fieldWeights: FieldWeights(title: 5), averageLengths: [9, 4, 30]),
    ]

    /// Walks every posting of every term in every field, checking the block's and the list's
    /// bounds against its score; returns the bounds summed, new and corner.
    static func checkBounds(of source: any PostingSource, terms: [String]) -> (impacts: Double, corner: Double) {
        var sums = (impacts: 0.0, corner: 0.0)
        for bm25 in formulas {
            for (field, name) in IndexField.allCases.enumerated() {
                for term in terms {
                    guard let cursor = source.postings(of: term, in: name) else { continue }
                    let whole = bm25.maxNormalizedFrequency(cursor.statistics.impacts, field: field)
                    var through = PassageNumber(rawValue: 0)
                    while cursor.passage != .end {
                        let block = cursor.block(containing: cursor.passage)
                        let bound = bm25.maxNormalizedFrequency(block.impacts, field: field)
                        if cursor.passage > through {
                            through = block.lastPassage
                            sums.impacts += bound
                            sums.corner += bm25.normalizedFrequency(
                                block.impacts.maxFrequency, length: block.impacts.minNorm, field: field)
                        }
                        let score = bm25.normalizedFrequency(
                            cursor.frequency, length: source.length(of: cursor.passage, in: name), field: field)
                        #expect(score <= bound, "\(term) in \(name) at \(cursor.passage)")
                        #expect(bound <= whole)
                        cursor.next()
                    }
                }
            }
        }
        return sums
    }

    @Test(arguments: [(41 as UInt64, 2), (42, 8), (43, 128)])
    func blockBoundsHoldInMemory(seed: UInt64, blockSize: Int) {
        var corpus = RandomCorpus(seed: seed)
        let segment = corpus.segment(documents: 120, blockSize: blockSize, deletions: false)
        let sums = Self.checkBounds(of: segment, terms: corpus.vocabulary)
        #expect(sums.impacts < sums.corner)
    }

    @Test(arguments: [UInt64(44), 45])
    func blockBoundsHoldOnTheIndex(seed: UInt64) throws {
        let (index, corpus) = try randomIndex(seed: seed)
        for segment in index.segments {
            let sums = Self.checkBounds(of: segment, terms: corpus.vocabulary)
            #expect(sums.impacts <= sums.corner)
        }
    }

    /// The case block-max needs: one long passage repeats the word, many short ones hold it
    /// once. The corner pairs the repeats with the short length, a score nobody has.
    @Test func skewedBlockBoundIsTighterThanTheCorner() {
        var passages: [InMemorySegment.Passage] = []
        for number in 0..<100 {
            let text = number == 50
                ? Array(repeating: "whale", count: 6) + Array(repeating: "sea", count: 200)
                : ["whale", "ship"]
            passages.append(InMemorySegment.Passage(document: DocumentNumber(rawValue: 0), fields: [.text: text]))
        }
        let segment = InMemorySegment(documents: [InMemorySegment.Document(path: "a.html")], passages: passages)
        let bm25 = BM25F(parameters: BM25Parameters(), fieldWeights: FieldWeights(), averageLengths: [1, 1, 4])
        let field = Int(IndexField.text.rawValue)
        guard let cursor = segment.postings(of: "whale", in: .text) else {
            Issue.record("no postings")
            return
        }
        let impacts = cursor.block(containing: cursor.passage).impacts
        #expect(Array(impacts) == [Impact(frequency: 1, norm: 2), Impact(frequency: 6, norm: 206)])
        let bound = bm25.maxNormalizedFrequency(impacts, field: field)
        let best = bm25.normalizedFrequency(1, length: 2, field: field)
        #expect(bound == best)
        #expect(bm25.normalizedFrequency(6, length: 2, field: field) > 5 * bound)
    }
}
