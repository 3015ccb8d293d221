import Foundation
import Testing
import TestSupport

/// `citex eval` on the two-passage fixture: queries are plain text whatever punctuation they
/// carry, the measures are trec_eval's lines, and the run file holds what was scored.
@Test func evalScoresPlainQueriesAndWritesTheRun() throws {
    let (folder, _) = try indexedFixture()
    defer { try? FileManager.default.removeItem(at: folder) }
    let queries = """
        1\twhat did "Clinton sign? (Rome: statute) -draft +court
        2\tzebra AND NOT
        3\tBush suspended the signature
        """
    try queries.write(to: folder.appendingPathComponent("queries.tsv"), atomically: true, encoding: .utf8)
    try "1 0 notes 2\n2 0 notes 1\n3 0 other 1\n".write(
        to: folder.appendingPathComponent("qrels.txt"), atomically: true, encoding: .utf8)
    let result = try CLIRunner.run(
        ["eval", "--queries", "queries.tsv", "--qrels", "qrels.txt", "--index", "idx", "--per-query", "--run", "run.trec"],
        in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.contains("ndcg_cut_10\t1\t1.0000"))
    #expect(lines.contains("recall_100\t2\t0.0000"))
    #expect(lines.contains("recall_100\t3\t0.0000"))
    #expect(lines.contains("num_q\tall\t3"))
    #expect(lines.contains("recall_100\tall\t0.3333"))
    let run = try String(contentsOf: folder.appendingPathComponent("run.trec"), encoding: .utf8)
    #expect(run.hasPrefix("1 Q0 notes 1 "))
    #expect(run.split(separator: "\n").count == 2)
}

@Test func feedbackExpandsPlainQueriesOnly() throws {
    let (folder, _) = try indexedFixture()
    defer { try? FileManager.default.removeItem(at: folder) }
    let expanded = try CLIRunner.run(["search", "Clinton", "--plain", "--feedback", "--index", "idx", "--format", "trec"], in: folder)
    #expect(expanded.status == 0, "\(expanded.stderr)")
    #expect(expanded.stdout.hasPrefix("1 Q0 notes.html 1 "))
    let refused = try CLIRunner.run(["search", "Clinton", "--feedback", "--index", "idx"], in: folder)
    #expect(refused.status == 2)
    #expect(refused.stderr.contains("--feedback needs --plain"))
}
