import ArgumentParser
import Citex

/// `citex extract FILE|DIR... [--format text|json]`: prints what would be indexed.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the passages citex would index from pages and folders.",
        discussion: """
            Errors go to stderr as `path: reason`; the exit status is non-zero when any file failed.
            JSON: one object per file per line, {"path","title","url","lang","passages":[{"id",\
            "ordinal","section","text","line","anchor"}]}.

            Examples:
              citex extract Corpus/united-states.html
              citex extract ~/saved-pages --format json > passages.jsonl
            """)

    @Argument(help: "HTML or XML files, or folders to walk recursively.")
    var paths: [String]

    @Option(help: "Output format: text or json.")
    var format: ExtractFormat = .text

    @Option(help: "Passages shorter than this merge with their neighbours.")
    var minWords = 40

    @Option(help: "Passages longer than this split at sentence ends.")
    var maxWords = 150

    func validate() throws {
        guard minWords > 0, maxWords >= minWords else {
            throw ValidationError("--min-words must be positive and not above --max-words")
        }
    }

    func run() throws {
        let extraction = Extraction(options: .init(minWords: minWords, maxWords: maxWords))
        let summary = extraction.run(
            paths,
            document: { print(format.render($0)) },
            problem: { Diagnostics.print($0) })
        if !summary.succeeded { throw ExitCode.failure }
    }
}
