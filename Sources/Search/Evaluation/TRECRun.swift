/// A ranked result list per query in TREC run form: `qid Q0 doc rank score tag` per line.
///
/// `doc` may be a document ID (`184`) or the path citex cites (`…/docs/184.xml`, possibly with a
/// passage anchor `#p3`); both name document `184`. Several passages of one document count
/// once, at the best of their places.
public struct TRECRun: Sendable, Equatable {
    /// One line of a run.
    public struct Entry: Sendable, Equatable {
        public var document: String
        public var rank: Int
        public var score: Double

        public init(document: String, rank: Int, score: Double) {
            self.document = document
            self.rank = rank
            self.score = score
        }
    }

    /// Query ID → entries in file order.
    public var entries: [String: [Entry]]

    public init(entries: [String: [Entry]]) {
        self.entries = entries
    }

    /// Parses run text.
    ///
    /// - Parameter source: the file name used in errors.
    /// - Throws: `SearchError` naming the first malformed line.
    public init(parsing text: String, source: String = "run") throws {
        var entries: [String: [Entry]] = [:]
        for (line, fields) in TRECLines.fields(text) {
            guard fields.count == 6 else {
                throw SearchError(file: source, line: line, "expected 6 fields `qid Q0 doc rank score tag`, found \(fields.count)")
            }
            guard let rank = Int(fields[3]) else {
                throw SearchError(file: source, line: line, "rank `\(fields[3])` is not an integer")
            }
            guard let score = Double(fields[4]), score.isFinite else {
                throw SearchError(file: source, line: line, "score `\(fields[4])` is not a finite number")
            }
            let document = Self.documentID(fields[2])
            guard !document.isEmpty else {
                throw SearchError(file: source, line: line, "no document ID in `\(fields[2])`")
            }
            entries[String(fields[0]), default: []].append(Entry(document: document, rank: rank, score: score))
        }
        self.entries = entries
    }

    /// The document ID a run's `doc` field names: the passage anchor dropped, then the last
    /// path component without a page extension (`…/docs/184.xml#p3` → `184`).
    public static func documentID(_ field: Substring) -> String {
        var name = field
        if let hash = name.firstIndex(of: "#") { name = name[..<hash] }
        if let slash = name.lastIndex(of: "/") { name = name[name.index(after: slash)...] }
        for suffix in [".xml", ".html", ".htm", ".xhtml", ".txt"] where name.hasSuffix(suffix) {
            return String(name.dropLast(suffix.count))
        }
        return String(name)
    }

    /// The distinct documents of `query`, best first: by score (higher first), then rank
    /// (lower first), then document ID (trec_eval breaks score ties by ID, descending). A
    /// document seen again (another passage) keeps its best place.
    public func rankedDocuments(_ query: String) -> [String] {
        let sorted = (entries[query] ?? []).sorted { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.rank != b.rank { return a.rank < b.rank }
            return a.document > b.document
        }
        var seen: Set<String> = []
        return sorted.compactMap { seen.insert($0.document).inserted ? $0.document : nil }
    }
}
