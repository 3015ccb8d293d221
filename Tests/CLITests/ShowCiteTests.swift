import Foundation
import Testing
import TestSupport

@Test func showPrintsThePassageWithContextAndCitation() throws {
    let (folder, ids) = try indexedFixture()
    defer { try? FileManager.default.removeItem(at: folder) }
    try #require(ids.count == 2)
    let result = try CLIRunner.run(["show", ids[1], "--context", "1", "--index", "idx"], in: folder)
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[0] == "notes.html:8  Treaty notes — Signature")
    #expect(lines[1] == "    https://example.org/notes#signature  id \(ids[1])  (passage 2 of 2)")
    #expect(lines[3].hasPrefix("  7 │ President Bill Clinton signed"))
    #expect(lines[4].hasPrefix("▶ 8 │ Shortly after, President George W. Bush"))
}

@Test func showFindsThePassageAgainAfterReindexingAnUnchangedPage() throws {
    let (folder, ids) = try indexedFixture()
    defer { try? FileManager.default.removeItem(at: folder) }
    try #require(ids.count == 2)
    let rebuilt = try CLIRunner.run(["index", "pages", "--index", "idx", "--rebuild", "--quiet"], in: folder)
    #expect(rebuilt.status == 0)
    let result = try CLIRunner.run(["show", ids[0], "--index", "idx", "--format", "json"], in: folder)
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix(#"{"id":"\#(ids[0])","path":"notes.html","title":"Treaty notes","url":"https://example.org/notes","section":["Treaty notes","Signature"],"line":7,"anchor":"signature""#))
}

@Test func citeWritesEachReferenceStyle() throws {
    let (folder, ids) = try indexedFixture()
    defer { try? FileManager.default.removeItem(at: folder) }
    try #require(ids.count == 2)
    let markdown = try CLIRunner.run(["cite", ids[0], "--index", "idx", "--accessed", "2026-11-29"], in: folder)
    #expect(markdown.stdout.hasPrefix("Treaty notes — Signature. example.org, 2024-05-01. <https://example.org/notes#signature> (accessed 2026-11-29; passage `\(ids[0])`).\n\n> President Bill Clinton signed"))
    let bibtex = try CLIRunner.run(["cite", ids[0], "--style", "bibtex", "--index", "idx", "--accessed", "2026-11-29"], in: folder)
    #expect(bibtex.stdout.hasPrefix("@online{citex-\(ids[0]),\n  title = {Treaty notes},"))
    #expect(bibtex.stdout.contains("  urldate = {2026-11-29},\n"))
    let csl = try CLIRunner.run(["cite", ids[0], "--style", "csl-json", "--index", "idx"], in: folder)
    let items = try JSONSerialization.jsonObject(with: Data(csl.stdout.utf8)) as? [[String: Any]]
    #expect(items?.first?["type"] as? String == "webpage")
    #expect(items?.first?["URL"] as? String == "https://example.org/notes#signature")
}

@Test(arguments: [
    (["show", "0123456789abcdef"], "no passage 0123456789abcdef in the index"),
    (["show", "not-an-id"], "'not-an-id' is not a passage ID"),
    (["cite", "0123456789abcdef", "--accessed", "yesterday"], "--accessed takes a date"),
])
func unknownOrMalformedIDsAreOneLineErrorsWithStatus2(arguments: [String], message: String) throws {
    let (folder, _) = try indexedFixture()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CLIRunner.run(arguments + ["--index", "idx"], in: folder)
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains(message))
}
