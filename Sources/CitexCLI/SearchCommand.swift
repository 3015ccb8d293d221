import ArgumentParser
import Citex
import Foundation
import Search
import Snippets

/// `citex search`: ranked, cited passages for a query; exit status like grep.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the index; exit status 0 with hits, 1 without, 2 on error.",
        discussion: """
            Examples:
              citex search 'digital signature'
              citex search '"exact phrase" +required -excluded title:word path:docs lang:en sign*'
              citex search --queries queries.tsv --plain --per-doc 1 --format trec -k 100
            """)

    @Argument(help: "The query (words, \"phrases\", +required, -excluded, AND/OR/NOT, field:word, prefix*).")
    var query: String?

    @Option(name: .long, help: "The index folder (default: $CITEX_INDEX, else Index).")
    var index: String?

    @Option(name: [.customShort("k"), .customLong("limit")], help: "Number of hits.")
    var limit = 10

    @Flag(name: .long, help: "Require every word (default: any word, ranked by BM25).")
    var all = false

    @Flag(name: .long, help: "Read the query as plain words: no operators, quotes or fields.")
    var plain = false

    @Option(name: .long, help: "At most N passages per document (0: no limit).")
    var perDoc = SearchRequest.defaultPerDocument

    @Option(name: .long, help: "Output format: text, markdown, json, jsonl or trec.")
    var format: OutputFormat = .text

    @Option(name: .long, help: "Colour: always, never or auto.")
    var color: ColorChoice = .auto

    @Option(name: .long, help: "A file of 'id<TAB>query' lines, answered in one run.")
    var queries: String?

    @Option(name: .long, help: "BM25 term-frequency saturation.")
    var k1 = BM25Parameters().k1

    @Option(name: .long, help: "BM25 length normalisation (0 to 1).")
    var b = BM25Parameters().b

    @Option(name: .long, help: "Length of each snippet in characters.")
    var snippetChars = 200

    func validate() throws {
        guard (query == nil) != (queries == nil) else {
            throw ValidationError("give either a query or --queries FILE")
        }
        guard limit >= 0, perDoc >= 0, snippetChars > 0 else {
            throw ValidationError("-k, --per-doc and --snippet-chars must not be negative")
        }
    }

    func run() throws {
        let request = SearchRequest(
            limit: limit, requireAll: all, plain: plain, perDocument: perDoc == 0 ? nil : perDoc,
            parameters: BM25Parameters(k1: k1, b: b), snippetCharacters: snippetChars, fetchesPassages: format != .trec)
        let batch = try CLIErrors.reporting { try queries.map { try Self.readQueries($0) } }
        let session = try CLIErrors.reporting { try SearchSession(index: IndexLocation.resolve(index), request: request) }
        let renderer = HitRenderer(
            format: format,
            color: color.enabled(outputIsTerminal: isatty(1) != 0, environment: ProcessInfo.processInfo.environment))
        guard let batch else {
            let (page, notes) = try CLIErrors.reporting { try session.search(query ?? "") }
            for note in notes { Diagnostics.print("citex: \(note)") }
            FileHandle.standardOutput.write(Data(renderer.render(page).utf8))
            if page.hits.isEmpty { throw ExitCode(1) }
            return
        }
        // A bad query in a batch is reported with its id and the batch goes on; the exit
        // status still says an error happened.
        var found = false
        var failed = false
        for entry in batch.entries {
            do {
                let (page, notes) = try session.search(entry.query, qid: entry.id)
                for note in notes { Diagnostics.print("citex: \(entry.id): \(note)") }
                found = found || !page.hits.isEmpty
                FileHandle.standardOutput.write(Data(renderer.render(page).utf8))
            } catch {
                Diagnostics.print("citex: \(entry.id): \(error)")
                failed = true
            }
        }
        if failed { throw ExitCode(2) }
        if !found { throw ExitCode(1) }
    }

    private static func readQueries(_ path: String) throws -> QueryFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("\(path): cannot read the query file")
        }
        return try QueryFile(parsing: String(decoding: data, as: UTF8.self), path: path)
    }
}

extension OutputFormat: ExpressibleByArgument {}
extension ColorChoice: ExpressibleByArgument {}
