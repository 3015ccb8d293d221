import Foundation
import Testing
import TestSupport

/// `citex search` end to end on an index of the repository's `Corpus/`.
@Suite struct SearchCommandTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A fresh index of `Corpus/` in a temporary folder.
    private func indexedFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citex-search-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let corpus = Self.repository.appendingPathComponent("Corpus").path
        let result = try CLIRunner.run(["index", "--quiet", "--index", folder.appendingPathComponent("Index").path, corpus])
        #expect(result.status == 0, "\(result.stderr)")
        return folder
    }

    private func search(_ arguments: [String], in folder: URL) throws -> CLIResult {
        try CLIRunner.run(["search", "--index", folder.appendingPathComponent("Index").path] + arguments, in: folder)
    }

    @Test func exitStatusIsLikeGrep() throws {
        let folder = try indexedFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let hits = try search(["signed treaty"], in: folder)
        #expect(hits.status == 0)
        #expect(hits.stdout.contains("united-states.html:"))
        let none = try search(["zzzqqqxx"], in: folder)
        #expect(none.status == 1)
        #expect(none.stdout.isEmpty)
        let malformed = try search(["court \"unclosed"], in: folder)
        #expect(malformed.status == 2)
        #expect(malformed.stderr == "citex: query column 7: unclosed quote\n")
        let missing = try CLIRunner.run(["search", "--index", "/nonexistent/citex-index", "court"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/citex-index"))
        #expect(missing.stderr.contains("citex index"))
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let folder = try indexedFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try search(["court", "--format", "json", "-k", "3"], in: folder)
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["query"] as? String == "court")
        let hits = try #require(object["hits"] as? [[String: Any]])
        #expect(hits.count == 3)
        #expect(hits.map { $0["rank"] as? Int } == [1, 2, 3])
        for key in ["score", "id", "path", "title", "url", "section", "line", "anchor", "text"] {
            #expect(hits[0][key] != nil, "\(key)")
        }
        let scores = hits.compactMap { $0["score"] as? Double }
        #expect(scores == scores.sorted(by: >))
    }

    @Test func batchOfPlainQueriesInTrecFormat() throws {
        let folder = try indexedFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let queries = folder.appendingPathComponent("queries.tsv")
        try Data("q1\tsigned treaty\nq2\twhat is \"the court\"? (jurisdiction) -\nq3\tzzzqqqxx\n".utf8).write(to: queries)
        let result = try search(
            ["--queries", queries.path, "--plain", "--per-doc", "1", "--format", "trec", "-k", "100"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: " ") }
        #expect(lines.allSatisfy { $0.count == 6 && $0[1] == "Q0" && $0[5] == "citex" })
        #expect(Set(lines.map { String($0[0]) }) == ["q1", "q2"])
        let q2 = lines.filter { $0[0] == "q2" }.map { String($0[2]) }
        #expect(q2.count == Set(q2).count)
    }

    @Test func aQueryOfStopwordsStillFindsItsPhrase() throws {
        let folder = try indexedFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try search(["\"of the\"", "--format", "trec"], in: folder)
        #expect(result.status == 0)
    }
}

extension SearchCommandTests {
    @Test func aBadQueryInABatchIsReportedAndTheOthersAnswered() throws {
        let folder = try indexedFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let queries = folder.appendingPathComponent("queries.tsv")
        try Data("a\tcourt (\nb\tcourt\n".utf8).write(to: queries)
        let result = try search(["--queries", queries.path, "--format", "trec"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr == "citex: a: query column 7: unclosed parenthesis\n")
        #expect(result.stdout.hasPrefix("b Q0 "))
    }
}
