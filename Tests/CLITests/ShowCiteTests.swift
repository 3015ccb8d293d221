import Foundation
import Testing
import TestSupport

/// A page with two passages in one section, indexed into a temporary folder.
private func indexedFixture() throws -> (folder: URL, ids: [String]) {
    let folder = try CLIRunner.temporaryDirectory("citex-show")
    let pages = folder.appendingPathComponent("pages")
    try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
    let first = "President Bill Clinton signed the Rome Statute on 31 December 2000, the last day it was open for signatures, after the United States had played an important role in the Rome Conference of 1998 and in the long negotiations that shaped the Court."
    let second = "Shortly after, President George W. Bush suspended the signature and informed the Secretary-General that the United States would no longer be involved in matters of the Court, and a global campaign for bilateral immunity agreements followed in the early years."
    let page = """
        <!DOCTYPE html>
        <html lang="en"><head><title>Treaty notes</title>
        <link rel="canonical" href="https://example.org/notes">
        <meta name="date" content="2024-05-01"></head>
        <body><main><h1>Treaty notes</h1>
        <h2 id="signature">Signature</h2>
        <p>\(first)</p>
        <p>\(second)</p>
        </main></body></html>
        """
    try page.write(to: pages.appendingPathComponent("notes.html"), atomically: true, encoding: .utf8)
    let index = try CLIRunner.run(["index", "pages", "--index", "idx", "--quiet"], in: folder)
    #expect(index.status == 0, "\(index.stderr)")
    let extract = try CLIRunner.run(["extract", "pages", "--format", "json"], in: folder)
    let object = try JSONSerialization.jsonObject(with: Data(extract.stdout.utf8)) as? [String: Any]
    let passages = object?["passages"] as? [[String: Any]] ?? []
    return (folder, passages.compactMap { $0["id"] as? String })
}

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
