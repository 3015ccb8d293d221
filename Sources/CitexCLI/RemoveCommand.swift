import ArgumentParser
import Citex

/// `citex remove`: drops documents from the index without touching the files.
struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove the documents from the given files or folders from the index.",
        discussion: """
            Examples:
              citex remove Corpus/united-states.html
              citex remove ~/saved-pages/old --index ~/.citex
            """)

    @Argument(help: "Source files or folders whose documents to remove.")
    var paths: [String]

    @Option(name: .long, help: "The index folder (default: $CITEX_INDEX, else Index).")
    var index: String?

    func run() throws {
        let summary = try CLIErrors.reporting { try IndexMaintenance.remove(paths, index: IndexLocation.resolve(index)) }
        for path in summary.unmatched { Diagnostics.print("not in the index: \(path)") }
        Diagnostics.print("removed \(summary.removed) document\(summary.removed == 1 ? "" : "s"), generation \(summary.generation)")
    }
}
