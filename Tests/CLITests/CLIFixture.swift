import Foundation
import Testing
import TestSupport

/// A page with two passages in one section, indexed into a temporary folder.
func indexedFixture() throws -> (folder: URL, ids: [String]) {
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

/// A temporary folder laid out like a fresh clone: an empty `Corpus/` and no `Index/`
/// (the README's first command builds it there).
func freshClone(_ name: String) throws -> (folder: URL, corpus: URL) {
    let folder = try CLIRunner.temporaryDirectory(name)
    let corpus = folder.appendingPathComponent("Corpus")
    try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
    return (folder, corpus)
}
