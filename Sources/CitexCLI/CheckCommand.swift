import ArgumentParser
import Citex

/// `citex check`: verifies every byte and structure of the index.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verify every checksum and structure of the index; exit 2 naming the first damaged file.")

    @Option(name: .long, help: "The index folder (default: $CITEX_INDEX, else Index).")
    var index: String?

    func run() throws {
        let report = try CLIErrors.reporting { try IndexMaintenance.check(index: IndexLocation.resolve(index)) }
        print("ok: \(report.files) files, \(report.terms) terms, \(report.postings) postings, "
            + "\(report.passages) passages, \(report.documents) documents verified")
    }
}
