import Index

/// A segment held in memory: posting lists built from analysed passages, in the same
/// shape the on-disk index serves them.
///
/// Used by the tests and as the brute-force reference: it also keeps every passage's terms
/// in order (`terms(of:in:)`), so a test can score by counting instead of through cursors.
public final class InMemorySegment: PostingSource, @unchecked Sendable {
    /// One passage to index: its document and the analysed terms of each field, in order
    /// (a term's index in the array is its position).
    public struct Passage: Sendable {
        public var document: DocumentNumber
        public var fields: [IndexField: [String]]
        public var isDeleted: Bool

        public init(document: DocumentNumber, fields: [IndexField: [String]], isDeleted: Bool = false) {
            self.document = document
            self.fields = fields
            self.isDeleted = isDeleted
        }
    }

    /// A document's facts that filters look at.
    public struct Document: Sendable {
        public var path: String
        public var language: String?

        public init(path: String, language: String? = nil) {
            self.path = path
            self.language = language
        }
    }

    /// One term's postings in one field, flat (no allocation per posting), with its
    /// blocks' impacts computed and capped exactly as the on-disk writer does.
    public final class PostingList: Sendable {
        let passages: [PassageNumber]
        let frequencies: [UInt32]
        /// Positions of posting i are `positions[positionStarts[i]..<positionStarts[i + 1]]`.
        let positionStarts: [Int]
        let positions: [UInt32]
        let blocks: [PostingBlock]
        let blockSize: Int
        let statistics: TermStatistics

        init(postings: [(passage: PassageNumber, positions: [UInt32])], blockSize: Int, lengths: [UInt32]) {
            passages = postings.map(\.passage)
            frequencies = postings.map { UInt32($0.positions.count) }
            var starts = [0]
            starts.reserveCapacity(postings.count + 1)
            for posting in postings {
                starts.append((starts.last ?? 0) + posting.positions.count)
            }
            positionStarts = starts
            positions = postings.flatMap(\.positions)
            self.blockSize = blockSize
            var whole = ImpactFrontier()
            blocks = stride(from: 0, to: postings.count, by: blockSize).map { start in
                let range = start..<min(start + blockSize, postings.count)
                var frontier = ImpactFrontier()
                for posting in postings[range] {
                    frontier.add(Impact(
                        frequency: UInt32(posting.positions.count), norm: lengths[Int(posting.passage.rawValue)]))
                }
                whole.add(frontier)
                return PostingBlock(lastPassage: postings[range.upperBound - 1].passage, impacts: frontier.impacts)
            }
            statistics = TermStatistics(documentFrequency: postings.count, impacts: whole.impacts)
        }
    }

    private let passages: [Passage]
    private let documents: [Document]
    private let lists: [IndexField: [String: PostingList]]
    private let sortedTerms: [IndexField: [String]]
    private let totals: [IndexField: FieldStatistics]
    /// Field lengths by field (`IndexField.allCases` order, which is raw-value order), then
    /// passage, as 4-byte norms in memory this object owns (immutable after `init`, so the
    /// class is safe to share).
    private let lengths: UnsafeMutableBufferPointer<UInt32>
    public let hasDeletions: Bool
    /// Each passage's document's passages, when every document's passages are consecutive
    /// and hold the same title (as the on-disk segments guarantee); nil otherwise.
    private let titleRuns: [Range<PassageNumber>]?

    /// Builds the posting lists.
    /// - Parameter blockSize: postings per block; small values exercise block-max skipping.
    public init(documents: [Document], passages: [Passage], blockSize: Int = 128) {
        self.documents = documents
        self.passages = passages
        hasDeletions = passages.contains { $0.isDeleted }
        var lists: [IndexField: [String: PostingList]] = [:]
        var sortedTerms: [IndexField: [String]] = [:]
        var totals: [IndexField: FieldStatistics] = [:]
        let lengths = IndexField.allCases.map { field in passages.map { UInt32($0.fields[field]?.count ?? 0) } }
        for (fieldIndex, field) in IndexField.allCases.enumerated() {
            var postings: [String: [(passage: PassageNumber, positions: [UInt32])]] = [:]
            var total = FieldStatistics(passageCount: 0, totalLength: 0)
            for (number, passage) in passages.enumerated() {
                let terms = passage.fields[field] ?? []
                total.totalLength += terms.count
                total.passageCount += terms.isEmpty ? 0 : 1
                var positions: [String: [UInt32]] = [:]
                for (position, term) in terms.enumerated() {
                    positions[term, default: []].append(UInt32(position))
                }
                for (term, list) in positions {
                    postings[term, default: []].append((PassageNumber(rawValue: UInt32(number)), list))
                }
            }
            totals[field] = total
            lists[field] = postings.mapValues { list in
                PostingList(postings: list, blockSize: max(1, blockSize), lengths: lengths[fieldIndex])
            }
            sortedTerms[field] = postings.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        }
        self.lists = lists
        self.sortedTerms = sortedTerms
        self.totals = totals
        self.lengths = .allocate(capacity: lengths.count * passages.count)
        _ = self.lengths.initialize(from: lengths.joined())
        titleRuns = Self.titleRuns(passages)
    }

    /// One pass: a document seen in an earlier run (its passages not consecutive) or a title
    /// that changes inside a run shares nothing.
    private static func titleRuns(_ passages: [Passage]) -> [Range<PassageNumber>]? {
        var runs: [Range<PassageNumber>] = []
        var finished: Set<DocumentNumber> = []
        var start = 0
        for end in 1..<passages.count + 1 where end == passages.count || passages[end].document != passages[start].document {
            guard passages[start..<end].allSatisfy({ $0.fields[.title] == passages[start].fields[.title] }),
                  finished.insert(passages[start].document).inserted
            else { return nil }
            let run = PassageNumber(rawValue: UInt32(start))..<PassageNumber(rawValue: UInt32(end))
            runs.append(contentsOf: repeatElement(run, count: end - start))
            start = end
        }
        return runs
    }

    /// The passage's terms in the field, in order: the brute-force reference's input.
    public func terms(of passage: PassageNumber, in field: IndexField) -> [String] {
        passages[Int(passage.rawValue)].fields[field] ?? []
    }

    public var passageCount: Int { passages.count }

    public var documentCount: Int { documents.count }

    public func statistics(of field: IndexField) -> FieldStatistics {
        totals[field] ?? FieldStatistics(passageCount: 0, totalLength: 0)
    }

    deinit { lengths.deallocate() }

    public func norms(_ field: IndexField) -> NormsView {
        let start = lengths.baseAddress.map { UnsafeRawPointer($0 + Int(field.rawValue) * passages.count) }
        return NormsView(base: start, width: 4, count: passages.count)
    }

    public func entry(of term: String, in field: IndexField) -> PostingList? {
        lists[field]?[term]
    }

    public func documentFrequency(of entry: PostingList) -> Int {
        entry.passages.count
    }

    public func postings(of entry: PostingList) -> InMemoryPostingCursor {
        InMemoryPostingCursor(entry)
    }

    public func isDeleted(_ passage: PassageNumber) -> Bool {
        passages[Int(passage.rawValue)].isDeleted
    }

    public func terms(withPrefix prefix: String, in field: IndexField, limit: Int) -> [(term: String, entry: PostingList)] {
        guard let terms = sortedTerms[field], let postings = lists[field] else { return [] }
        let key = Array(prefix.utf8)
        var low = 0
        var high = terms.count
        while low < high {
            let middle = (low + high) / 2
            if Array(terms[middle].utf8).lexicographicallyPrecedes(key) { low = middle + 1 } else { high = middle }
        }
        return terms[low...].prefix { $0.utf8.starts(with: key) }.prefix(limit).compactMap { term in
            postings[term].map { (term, $0) }
        }
    }

    public func document(of passage: PassageNumber) -> DocumentNumber {
        passages[Int(passage.rawValue)].document
    }

    public func passages(sharing field: IndexField, with passage: PassageNumber) -> Range<PassageNumber>? {
        guard field == .title, let titleRuns, Int(passage.rawValue) < titleRuns.count else { return nil }
        return titleRuns[Int(passage.rawValue)]
    }

    public func path(of document: DocumentNumber) -> String {
        documents[Int(document.rawValue)].path
    }

    public func language(of document: DocumentNumber) -> String? {
        documents[Int(document.rawValue)].language
    }
}
