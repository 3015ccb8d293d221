import ArgumentParser
import Citex
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

@main
struct CitexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "citex",
        abstract: "Full-text search over folders of saved pages, with cited snippets.",
        version: CitexVersion.description,
        subcommands: [
            SearchCommand.self, IndexCommand.self, ShowCommand.self, CiteCommand.self, ExtractCommand.self, StatsCommand.self,
            RemoveCommand.self, CheckCommand.self, EvalCommand.self,
        ]
    )

    /// Exit statuses like grep's: 0 found, 1 nothing found, 2 any error — including usage
    /// errors, which ArgumentParser would otherwise report as 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Self.exit(withError: code)
        } catch {
            guard exitCode(for: error) != .success else { Self.exit(withError: error) }
            Diagnostics.print("citex: " + message(for: error))
            Self.exit(withError: ExitCode(2))
        }
    }
}
