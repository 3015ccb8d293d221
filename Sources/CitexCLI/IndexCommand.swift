import ArgumentParser
import Citex
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `citex index`: builds or updates the index from folders of pages.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build or update the index from files and folders (only new and changed files are read).",
        discussion: """
            Run it again after adding, changing or deleting pages: unchanged files are not read, \
            changed ones are re-indexed, and documents whose files are gone from the given roots are \
            removed. On a terminal a progress bar shows files done, MB/s and the time left.

            Examples:
              citex index                          # Corpus/ into Index/
              citex index ~/saved-pages --index ~/.citex
              citex index --compact                # merge the index into one segment
            """)

    @Argument(help: "Files or folders to index (default: Corpus).")
    var paths: [String] = []

    @Option(name: .long, help: "The index folder (default: $CITEX_INDEX, else Index).")
    var index: String?

    @Option(name: .long, help: "Memory budget for the writer, e.g. 256M or 2G.")
    var memory = ByteCount(bytes: 512 << 20)

    @Flag(name: .long, help: "Merge the index into one segment afterwards.")
    var compact = false

    @Flag(name: .long, help: "Discard the existing index and index everything again.")
    var rebuild = false

    @Flag(name: .long, help: "Turn English stemming off (for a new or rebuilt index).")
    var noStemming = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "List every skipped file with its reason.")
    var verbose = false

    func run() throws {
        let options = IndexRunOptions(
            roots: paths.isEmpty ? IndexLocation.defaultRoots : paths, index: IndexLocation.resolve(index),
            memoryBudget: memory.bytes, compact: compact, rebuild: rebuild, stemming: !noStemming)
        let bar = quiet || !Terminal.stderrIsTerminal ? nil : ProgressLine()
        let summary = try CLIErrors.reporting { try IndexUpdater.run(options, progress: bar?.show) }
        bar?.clear()
        guard !quiet else { return }
        if verbose {
            for skip in summary.skipped { Diagnostics.print("skipped \(skip.path): \(skip.reason)") }
        }
        Diagnostics.print(Self.summaryLine(summary))
    }

    /// `value` rounded to `places` decimals, like `%.Nf` for the non-negative figures of a summary.
    static func decimal(_ value: Double, places: Int) -> String {
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((max(0, value) * Double(scale)).rounded())
        let fraction = String(scaled % scale)
        return "\(scaled / scale)." + String(repeating: "0", count: places - fraction.count) + fraction
    }

    static func summaryLine(_ s: IndexRunSummary) -> String {
        var reasons: [String: Int] = [:]
        for skip in s.skipped { reasons[skip.reason, default: 0] += 1 }
        let skipped = s.skipped.isEmpty ? "0 skipped"
            : "\(s.skipped.count) skipped (" + reasons.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ") + ")"
        let megabytes = Double(s.bytesIngested) / 1_048_576
        let rate = s.seconds > 0 ? megabytes / s.seconds : 0
        return "indexed: \(s.added) added, \(s.updated) updated, \(s.removed) removed, \(s.unchanged) unchanged, "
            + "\(skipped); \(s.passages) passages written; "
            + "\(decimal(s.seconds, places: 2)) s (\(decimal(megabytes, places: 1)) MB read, \(decimal(rate, places: 1)) MB/s)"
            + "; index: \(s.documents) documents in \(s.segments) segment\(s.segments == 1 ? "" : "s"), generation \(s.generation)"
    }
}
