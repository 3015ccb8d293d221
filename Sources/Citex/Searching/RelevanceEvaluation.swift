#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Search

/// `citex eval`: every query of a file run against an index the way relevance is judged, then
/// scored against qrels with nDCG@10, AP@100 and Recall@100.
///
/// Queries are natural-language text, so they run as a plain bag of words (`?`, `-`, `:`,
/// quotes never act as syntax); one passage per document, because judgments are per
/// document; the top 100. The search is `SearchSession`'s, with the settings `citex search
/// --plain --per-doc 1 -k 100` uses, so both give the same figures.
public struct RelevanceEvaluation: Sendable {
    /// The scores: per judged query and their means.
    public var evaluation: Evaluation
    /// The run that was scored, document IDs as the qrels name them.
    public var run: TRECRun
    /// Query IDs in the order of the query file.
    public var queryOrder: [String]
    /// Queries whose search failed, with the reason; they score 0 (nothing retrieved).
    public var failures: [(qid: String, reason: String)]

    /// Search settings for a relevance run over `index`: plain queries, one passage per
    /// document, top 100, no passages fetched, otherwise citex's defaults.
    public static func settings(index: String) -> SearchSettings {
        SearchSettings(index: index, limit: 100, perDocument: 1, plain: true, fetchesPassages: false)
    }

    /// Runs `queries` through `session` and scores them against `qrels`.
    public init(queries: [(qid: String, query: String)], qrels: Qrels, session: SearchSession) {
        var entries: [String: [TRECRun.Entry]] = [:]
        var failures: [(qid: String, reason: String)] = []
        queryOrder = queries.map(\.qid)
        for (qid, query) in queries {
            do {
                entries[qid, default: []] = try session.search(query, qid: qid).page.hits.map { hit in
                    TRECRun.Entry(document: TRECRun.documentID(Substring(hit.document.path)), rank: hit.rank, score: hit.score)
                }
            } catch {
                failures.append((qid, "\(error)"))
            }
        }
        run = TRECRun(entries: entries)
        evaluation = Evaluation(run: run, qrels: qrels)
        self.failures = failures
    }

    /// Reads the query file and qrels, opens the index in `settings` and evaluates.
    /// - Throws: `CitexError`, `SearchError` or `IndexError` when a file cannot be used.
    public init(queriesFile: String, qrelsFile: String, settings: SearchSettings) throws {
        let queries = try QueryFile.read(queriesFile)
        guard let data = FileManager.default.contents(atPath: qrelsFile) else {
            throw CitexError.file(qrelsFile, reason: "cannot read the file")
        }
        let qrels = try Qrels(parsing: String(decoding: data, as: UTF8.self), source: qrelsFile)
        self.init(queries: queries, qrels: qrels, session: try SearchSession(settings))
    }

    /// Writes the run as TREC text, `qid Q0 docid rank score citex`, queries in file order.
    /// - Throws: `CitexError` when the file cannot be written.
    public func writeRun(to path: String) throws {
        let text = queryOrder.flatMap { qid in
            (run.entries[qid] ?? []).map { "\(qid) Q0 \($0.document) \($0.rank) \($0.score) citex\n" }
        }.joined()
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw CitexError.file(path, reason: "cannot write the run file")
        }
    }
}
