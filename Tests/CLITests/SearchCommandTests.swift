import Foundation
import Testing
import TestSupport

@Test func searchFindsStemmedFormsAndPrintsJSONWithSnippets() throws {
    let (folder, ids) = try indexedFixture()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CLIRunner.run(["search", "signing", "--index", "idx", "--format", "json"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    #expect(object?["query"] as? String == "signing")
    let hits = object?["hits"] as? [[String: Any]] ?? []
    #expect(hits.count == 1)
    #expect(hits.first?["id"] as? String == ids.first)
    #expect(hits.first?["path"] as? String == "notes.html")
    #expect(hits.first?["anchor"] as? String == "signature")
    #expect((hits.first?["highlights"] as? [[Int]])?.isEmpty == false)
    #expect((hits.first?["snippet"] as? String)?.contains("signed") == true)
}

@Test func exitStatusIsOneWhenNothingMatchesAndTwoOnABadQuery() throws {
    let (folder, _) = try indexedFixture()
    defer { try? FileManager.default.removeItem(at: folder) }
    let none = try CLIRunner.run(["search", "zebra", "--index", "idx"], in: folder)
    #expect(none.status == 1)
    #expect(none.stdout.isEmpty)
    let bad = try CLIRunner.run(["search", "\"rome statute", "--index", "idx"], in: folder)
    #expect(bad.status == 2)
    #expect(bad.stderr.hasPrefix("citex: query column 1:"))
    let missing = try CLIRunner.run(["search", "rome", "--index", "nowhere"], in: folder)
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("nowhere"))
    #expect(missing.stderr.contains("citex index"))
}

@Test func batchQueriesAnswerEachLineWithItsQid() throws {
    let (folder, _) = try indexedFixture()
    defer { try? FileManager.default.removeItem(at: folder) }
    try "q1\twhat did Clinton sign?\nq2\tzebra\n".write(to: folder.appendingPathComponent("queries.tsv"), atomically: true, encoding: .utf8)
    let trec = try CLIRunner.run(
        ["search", "--queries", "queries.tsv", "--plain", "--per-doc", "1", "--format", "trec", "-k", "100", "--index", "idx"], in: folder)
    #expect(trec.status == 0, "\(trec.stderr)")
    let lines = trec.stdout.split(separator: "\n")
    #expect(lines.count == 1)
    #expect(lines.first?.hasPrefix("q1 Q0 notes.html 1 ") == true)
    #expect(lines.first?.hasSuffix(" citex") == true)
    let json = try CLIRunner.run(["search", "--queries", "queries.tsv", "--plain", "--format", "json", "--index", "idx"], in: folder)
    let objects = json.stdout.split(separator: "\n").compactMap {
        try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
    }
    #expect(objects.map { $0["qid"] as? String } == ["q1", "q2"])
}

@Test func markdownIsReadyToPaste() throws {
    let (folder, ids) = try indexedFixture()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CLIRunner.run(["search", "\"rome statute\"", "--index", "idx", "--format", "markdown", "-k", "1"], in: folder)
    #expect(result.stdout.hasPrefix("> President Bill Clinton signed the **Rome Statute** on 31 December 2000"))
    #expect(result.stdout.contains("> — [Treaty notes — Signature](https://example.org/notes#signature), `notes.html:7`, id `\(ids[0])`"))
}

@Test func colorIsUsedOnlyWhenAskedOrOnATerminal() throws {
    let (folder, _) = try indexedFixture()
    defer { try? FileManager.default.removeItem(at: folder) }
    let piped = try CLIRunner.run(["search", "rome", "--index", "idx"], in: folder, environment: ["NO_COLOR": ""])
    #expect(!piped.stdout.contains("\u{1B}["))
    let forced = try CLIRunner.run(["search", "rome", "--index", "idx", "--color", "always"], in: folder)
    #expect(forced.stdout.contains("\u{1B}[1;31mRome\u{1B}[0m"))
}

@Test func firstSearchInAFreshCloneBuildsTheIndexFromCorpus() throws {
    let (folder, corpus) = try freshClone("citex-first-run")
    defer { try? FileManager.default.removeItem(at: folder) }
    try "<html><head><title>Kampala</title></head><body><p>The Review Conference met in Kampala in 2010.</p></body></html>"
        .write(to: corpus.appendingPathComponent("k.html"), atomically: true, encoding: .utf8)
    let first = try CLIRunner.run(["search", "kampala"], in: folder)
    #expect(first.status == 0)
    #expect(first.stderr.contains("Corpus/ was indexed into Index/ first"))
    #expect(first.stdout.hasPrefix("k.html:1  Kampala"))
    let second = try CLIRunner.run(["search", "kampala"], in: folder)
    #expect(second.stderr.isEmpty)
}

/// A first build that was interrupted after a commit (a large `Corpus/` commits at every
/// flush) left the marker: the next search completes the build instead of answering from
/// part of the pages.
@Test func anUnfinishedFirstRunIsCompletedBeforeSearching() throws {
    let (folder, corpus) = try freshClone("citex-first-run-resume")
    defer { try? FileManager.default.removeItem(at: folder) }
    try "<html><head><title>Kampala</title></head><body><p>The Review Conference met in Kampala.</p></body></html>"
        .write(to: corpus.appendingPathComponent("k.html"), atomically: true, encoding: .utf8)
    #expect(try CLIRunner.run(["index", "--quiet"], in: folder).status == 0)
    try "<html><head><title>Rome</title></head><body><p>The Rome Statute was adopted in Kampala's absence.</p></body></html>"
        .write(to: corpus.appendingPathComponent("r.html"), atomically: true, encoding: .utf8)
    let marker = folder.appendingPathComponent("Index/first-run.incomplete")
    #expect(FileManager.default.createFile(atPath: marker.path, contents: Data()))
    let resumed = try CLIRunner.run(["search", "kampala", "--format", "trec"], in: folder)
    #expect(resumed.status == 0)
    #expect(resumed.stderr.contains("first build of Index/ had not finished; it is now complete"))
    #expect(resumed.stdout.contains("r.html") && resumed.stdout.contains("k.html"))
    #expect(!FileManager.default.fileExists(atPath: marker.path))
    let next = try CLIRunner.run(["search", "kampala"], in: folder)
    #expect(next.stderr.isEmpty)
}

@Test func aQueryOfOnlyStopwordsStillFindsItsPhrase() throws {
    let (folder, ids) = try indexedFixture()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CLIRunner.run(["search", "\"of the\"", "--index", "idx", "--format", "trec"], in: folder)
    #expect(result.status == 0)
    let unquoted = try CLIRunner.run(["search", "it was", "--index", "idx", "--format", "json"], in: folder)
    #expect(unquoted.status == 0)
    #expect(unquoted.stdout.contains(ids[0]))
}
