import ArgumentParser
import Citex

/// `citex check`: reads every byte of the last commit, so damage shows before a search trips on it.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verify every checksum and structure of the index (exit 0 clean, 2 damaged).")

    @Option(name: .long, help: "The index folder (default: $CITEX_INDEX, else Index).")
    var index: String?

    func run() throws {
        let report = try CLIErrors.reporting { try IndexMaintenance.check(index: IndexLocation.resolve(index)) }
        print("ok: \(report.files) files, \(report.terms) terms, \(report.postings) postings, "
            + "\(report.passages) passages, \(report.documents) documents checked; no damage found")
        if !report.leftovers.isEmpty {
            Diagnostics.print("note: \(report.leftovers.count) file\(report.leftovers.count == 1 ? "" : "s") of an "
                + "interrupted writer (\(report.leftovers.joined(separator: ", "))); the next `citex index` removes them")
        }
    }
}
