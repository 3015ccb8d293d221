import ArgumentParser
import Citex
import Search

/// `citex eval`: relevance of the index's ranking against judged queries.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Run judged queries and print nDCG@10, AP@100 and Recall@100.",
        discussion: """
            Every query runs as a plain bag of words, one passage per document, top 100 (as \
            `citex search --plain --per-doc 1 -k 100`); measures are trec_eval's, averaged over \
            every query the qrels judge (a query with no results scores 0).
            Output is trec_eval's layout: `measure<TAB>query<TAB>value`.

            Example:
              citex eval --queries queries.tsv --qrels qrels.txt --index /tmp/cranfield-index
            """)

    @Option(name: .long, help: "The queries, one `qid<TAB>query text` per line.")
    var queries: String

    @Option(name: .long, help: "TREC qrels: `qid 0 docid relevance` per line.")
    var qrels: String

    @Option(name: .long, help: "The index folder (default: $CITEX_INDEX, else Index).")
    var index: String?

    @Flag(name: .customLong("per-query"), help: "Print every query's scores before the means.")
    var perQuery = false

    @Option(name: .customLong("run"), help: "Also write the run scored, in TREC form, to this file.")
    var runFile: String?

    @Option(name: .long, help: "BM25 term-frequency saturation.")
    var k1 = SearchSettings.defaultBM25.k1

    @Option(name: .long, help: "BM25 length normalization (0…1).")
    var b = SearchSettings.defaultBM25.b

    @Flag(name: .long, help: "Pseudo-relevance feedback: expand each query with the words of its best documents (RM3) and search again.")
    var feedback = false

    func validate() throws {
        if k1 < 0 || !(0...1).contains(b) { throw ValidationError("--k1 must be ≥ 0 and --b between 0 and 1") }
    }

    func run() throws {
        var settings = RelevanceEvaluation.settings(index: IndexLocation.resolve(index))
        settings.bm25 = BM25Parameters(k1: k1, b: b)
        if feedback { settings.feedback = RelevanceModel() }
        let result = try CLIErrors.reporting {
            try RelevanceEvaluation(queriesFile: queries, qrelsFile: qrels, settings: settings)
        }
        for failure in result.failures { Diagnostics.print("citex: query \(failure.qid): \(failure.reason)") }
        if !result.evaluation.unjudgedQueries.isEmpty {
            Diagnostics.print("citex: \(result.evaluation.unjudgedQueries.count) queries have no judgments and are not scored")
        }
        if let path = runFile { try CLIErrors.reporting { try result.writeRun(to: path) } }
        Terminal.write(result.evaluation.trecEvalLines(perQuery: perQuery).map { $0 + "\n" }.joined())
        if !result.failures.isEmpty { throw ExitCode(2) }
    }
}
