import ArgumentParser
import Citex
import Search
import Snippets

/// `citex search`: ranked passages with cited snippets.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the index; print ranked passages with highlighted, cited snippets.",
        discussion: """
            Query language: words (ranked by BM25, any may match), "exact phrases", +required, \
            -excluded, AND / OR / NOT with parentheses, title:word, section:word, path:folder, \
            lang:en, prefix*. --plain reads the query as a bag of words with no syntax.
            Exit status: 0 when something was found, 1 when nothing was, 2 on an error.

            Examples:
              citex search rome statute signature
              citex search '"rome statute" +ratify -kampala' --format markdown
              citex search --queries queries.tsv --plain --per-doc 1 --format trec -k 100
            """)

    @Argument(help: "The query (several words are joined with spaces).")
    var query: [String] = []

    @Option(name: .long, help: "Answer every `qid<TAB>query` line of this file instead.")
    var queries: String?

    @Option(name: [.customShort("k"), .long], help: "How many hits to print.")
    var limit = 10

    @Option(name: .customLong("per-doc"), help: "At most this many passages per document (0: no cap).")
    var perDocument = SearchSettings.defaultPerDocument

    @Flag(name: .long, help: "Require every word, not just any.")
    var all = false

    @Flag(name: .long, help: "No query syntax: the text is a bag of words.")
    var plain = false

    @Flag(name: .long, help: "With --plain: expand the query with the words of its best documents (RM3) and search again.")
    var feedback = false

    @Option(name: .long, help: "Output format: text, markdown, json, jsonl or trec.")
    var format: OutputFormat = .text

    @Option(name: .long, help: "Colour: auto, always or never.")
    var color: ColorChoice = .auto

    @Option(name: .customLong("snippet-chars"), help: "Snippet length in characters.")
    var snippetCharacters = SnippetOptions().maxCharacters

    @Option(name: .long, help: "BM25 term-frequency saturation.")
    var k1 = SearchSettings.defaultBM25.k1

    @Option(name: .long, help: "BM25 length normalization (0…1).")
    var b = SearchSettings.defaultBM25.b

    @Option(name: .long, help: "The index folder (default: $CITEX_INDEX, else Index).")
    var index: String?

    func validate() throws {
        if queries == nil && query.isEmpty { throw ValidationError("give a query, or --queries FILE") }
        if queries != nil && !query.isEmpty { throw ValidationError("give a query or --queries FILE, not both") }
        if limit < 1 { throw ValidationError("-k must be at least 1") }
        if perDocument < 0 { throw ValidationError("--per-doc must be 0 (no cap) or more") }
        if feedback && !plain { throw ValidationError("--feedback needs --plain (a query with syntax is not expanded)") }
        if k1 < 0 || !(0...1).contains(b) { throw ValidationError("--k1 must be ≥ 0 and --b between 0 and 1") }
    }

    func run() throws {
        let session = try CLIErrors.reporting { () throws -> SearchSession in
            if let built = try FirstRun.buildDefaultIndexIfMissing(explicitIndex: index) {
                Diagnostics.print(built.resumed
                    ? "citex: the first build of Index/ had not finished; it is now complete (\(built.summary.passages) passages)"
                    : "citex: no index yet, so Corpus/ was indexed into Index/ first (\(built.summary.passages) passages)")
            }
            return try SearchSession(settings)
        }
        let batch = try queries.map { path in try CLIErrors.reporting { try QueryFile.read(path) } }
            ?? [(qid: "1", query: query.joined(separator: " "))]
        let renderer = HitRenderer(format: format, color: Terminal.color(color))
        var found = false, failed = false
        for item in batch {
            do {
                let answer = try session.search(item.query, qid: queries == nil ? nil : item.qid)
                for note in answer.notes { Diagnostics.print("citex: \(note)") }
                found = found || !answer.page.hits.isEmpty
                Terminal.write(renderer.renderBytes(answer.page))
            } catch {
                Diagnostics.print(queries == nil ? "citex: \(error)" : "citex: query \(item.qid): \(error)")
                failed = true
            }
        }
        if failed { throw ExitCode(2) }
        if !found { throw ExitCode(1) }
    }

    private var settings: SearchSettings {
        SearchSettings(
            index: IndexLocation.resolve(index), limit: limit, perDocument: perDocument == 0 ? nil : perDocument,
            requireAll: all, plain: plain, bm25: BM25Parameters(k1: k1, b: b),
            snippet: SnippetOptions(maxCharacters: snippetCharacters), fetchesPassages: format != .trec,
            feedback: feedback ? RelevanceModel() : nil)
    }
}
