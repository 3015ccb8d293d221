import Foundation
import Testing
import TestSupport

/// `citex index`, `stats`, `check` and `remove` end to end on a copy of the repository's `Corpus/`.
@Suite struct IndexCommandTests {
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpus")

    /// A scratch folder holding `pages/` (a copy of `Corpus/`); the index goes to `index/`.
    static func workspace() throws -> URL {
        let root = try CLIRunner.temporaryDirectory("citex-index-cli")
        try FileManager.default.copyItem(at: corpus, to: root.appendingPathComponent("pages"))
        return root
    }

    static func stats(_ root: URL) throws -> [String: Any] {
        let result = try CLIRunner.run(["stats", "--index", "index", "--format", "json"], in: root)
        #expect(result.status == 0)
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test func indexesIncrementallyAndReportsWhatItDid() throws {
        let root = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let files = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("pages").path).count

        let first = try CLIRunner.run(["index", "pages", "--index", "index"], in: root)
        #expect(first.status == 0)
        #expect(first.stdout.isEmpty)
        #expect(first.stderr.contains("indexed: \(files) added, 0 updated, 0 removed, 0 unchanged"))
        let timing = try Regex(#"; [0-9]+\.[0-9]{2} s \([0-9]+\.[0-9] MB read, [0-9]+\.[0-9] MB/s\); "#)
        #expect(first.stderr.contains(timing))
        let stats = try Self.stats(root)
        let text = try CLIRunner.run(["stats", "--index", "index"], in: root).stdout
        #expect(text.contains("\n  postings   \((stats["bytes"] as? [String: Int])?["postings"] ?? 0)\n"))
        #expect(text.contains("stemming   on\n"))
        for key in ["documents", "passages", "terms", "segments", "deleted", "bytes"] { #expect(stats[key] != nil, "\(key)") }
        #expect(stats["documents"] as? Int == files)
        #expect((stats["bytes"] as? [String: Int])?["postings"] ?? 0 > 0)

        let again = try CLIRunner.run(["index", "pages", "--index", "index"], in: root)
        #expect(again.stderr.contains("0 added, 0 updated, 0 removed, \(files) unchanged"))
        #expect(try CLIRunner.run(["index", "pages", "--index", "index", "--quiet"], in: root).stderr.isEmpty)

        let check = try CLIRunner.run(["check", "--index", "index"], in: root)
        #expect(check.status == 0 && check.stdout.hasPrefix("ok: "))

        let removed = try CLIRunner.run(["remove", "pages/united-states.html", "--index", "index"], in: root)
        #expect(removed.status == 0 && removed.stderr.contains("removed 1 document"))
        #expect(try Self.stats(root)["documents"] as? Int == files - 1)
    }

    @Test func aMissingIndexIsAnErrorNamingThePath() throws {
        let root = try CLIRunner.temporaryDirectory("citex-index-cli")
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CLIRunner.run(["stats", "--index", "nowhere"], in: root)
        #expect(result.status == 2)
        #expect(result.stderr.contains("nowhere") && result.stderr.contains("citex index"))
        let missing = try CLIRunner.run(["index", "no-such-folder", "--index", "index"], in: root)
        #expect(missing.status == 2 && missing.stderr.contains("no-such-folder"))
    }
}
