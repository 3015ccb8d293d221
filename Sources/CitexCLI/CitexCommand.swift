import ArgumentParser
import Citex

@main
struct CitexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "citex",
        abstract: "Full-text search over folders of saved pages, with cited snippets.",
        version: CitexVersion.description,
        subcommands: [IndexCommand.self, SearchCommand.self, ExtractCommand.self, StatsCommand.self, RemoveCommand.self]
    )
}
