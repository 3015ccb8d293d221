import ArgumentParser
import Citex
import Snippets

/// `citex show ID`: the whole passage a search or a report cited, with its neighbours.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a passage by its ID, with the passages around it and its full citation.",
        discussion: """
            Passage IDs are printed by `citex search`; they keep resolving after re-indexing as long \
            as the passage's text is unchanged.

            Example:
              citex show 3f2a9c1b7d4e0a12 --context 1
            """)

    @Argument(help: "The passage ID (16 hexadecimal digits).")
    var id: String

    @Option(name: .shortAndLong, help: "How many passages to show before and after it.")
    var context = 0

    @Option(name: .long, help: "The index folder (default: $CITEX_INDEX, else Index).")
    var index: String?

    @Option(name: .long, help: "Output format: text, markdown or json.")
    var format: OutputFormat = .text

    @Option(name: .long, help: "Colour: auto, always or never.")
    var color: ColorChoice = .auto

    func run() throws {
        let found = try CLIErrors.reporting {
            try PassageLookup.find(id, context: context, index: IndexLocation.resolve(index))
        }
        Terminal.write(found.render(format, color: Terminal.color(color)))
    }
}
