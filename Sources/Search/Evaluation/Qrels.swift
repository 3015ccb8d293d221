/// Relevance judgments in TREC qrels form: `qid iteration docid relevance` per line.
///
/// Graded: the relevance value is the gain nDCG uses; a document counts as relevant for AP and
/// recall when its value is at least 1 (trec_eval's default level). A query is "judged" when it
/// has any line here, even if none of its documents is relevant.
public struct Qrels: Sendable, Equatable {
    /// Query ID → document ID → relevance.
    public var judgments: [String: [String: Int]]

    public init(judgments: [String: [String: Int]]) {
        self.judgments = judgments
    }

    /// Parses qrels text.
    ///
    /// - Parameter source: the file name used in errors.
    /// - Throws: `SearchError` naming the first malformed line. A document judged twice
    ///   for one query is an error too: the two values would silently disagree.
    public init(parsing text: String, source: String = "qrels") throws {
        var judgments: [String: [String: Int]] = [:]
        for (line, fields) in TRECLines.fields(text) {
            guard fields.count == 4 else {
                throw SearchError(file: source, line: line, "expected 4 fields `qid iteration docid relevance`, found \(fields.count)")
            }
            guard let relevance = Int(fields[3]) else {
                throw SearchError(file: source, line: line, "relevance `\(fields[3])` is not an integer")
            }
            let query = String(fields[0])
            let document = String(fields[2])
            if judgments[query]?[document] != nil {
                throw SearchError(file: source, line: line, "document \(document) judged twice for query \(query)")
            }
            judgments[query, default: [:]][document] = relevance
        }
        self.judgments = judgments
    }

    /// The number of documents with relevance ≥ 1 for `query`.
    public func relevantCount(_ query: String) -> Int {
        judgments[query]?.values.count(where: { $0 >= 1 }) ?? 0
    }
}
