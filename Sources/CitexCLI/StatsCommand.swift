import ArgumentParser
import Citex
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `citex stats`: what the index holds and how many bytes each part takes.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Show documents, passages, terms, segments and bytes on disk.",
        discussion: """
            Examples:
              citex stats
              citex stats --index ~/.citex --format json
            """)

    enum Format: String, RawValueArgument {
        case text, json
    }

    @Option(name: .long, help: "The index folder (default: $CITEX_INDEX, else Index).")
    var index: String?

    @Option(name: .long, help: "Output format: text or json.")
    var format: Format = .text

    /// The `--format json` object (keys sorted on output).
    private struct StatsJSON: Encodable {
        let documents, passages, terms, segments, deleted: Int
        let bytes: [String: Int]
        let totalBytes: Int
        let generation: UInt64
        let stemming: Bool

        enum CodingKeys: String, CodingKey {
            case documents, passages, terms, segments, deleted, bytes, generation, stemming
            case totalBytes = "total_bytes"
        }
    }

    func run() throws {
        let stats = try CLIErrors.reporting { try IndexMaintenance.statistics(index: IndexLocation.resolve(index)) }
        let total = stats.bytes.values.reduce(0, +)
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(StatsJSON(
                documents: stats.documents, passages: stats.passages, terms: stats.terms, segments: stats.segments,
                deleted: stats.deleted, bytes: stats.bytes, totalBytes: total, generation: stats.generation,
                stemming: stats.stemming))
            print(String(decoding: data, as: UTF8.self))
        case .text:
            print("documents  \(stats.documents)")
            print("passages   \(stats.passages)")
            print("deleted    \(stats.deleted)")
            print("terms      \(stats.terms)")
            print("segments   \(stats.segments)")
            print("generation \(stats.generation)")
            print("stemming   \(stats.stemming ? "on" : "off")")
            print("bytes      \(total)")
            for (part, size) in stats.bytes.sorted(by: { $0.key < $1.key }) {
                print("  " + part + String(repeating: " ", count: max(0, 10 - part.count)) + " \(size)")
            }
        }
    }
}
