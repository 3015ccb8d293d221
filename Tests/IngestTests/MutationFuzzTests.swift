import Index
import Ingest
import Testing
import TestSupport

/// Seeds for mutation: small pages that exercise the HTML and XML paths.
private let seeds: [(String, String)] = [
    ("page.html", """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>United States</title>
        <link rel="canonical" href="https://example.org/us"></head><body><nav><a href="/">Home</a></nav>
        <main><h1 id="top">United States</h1><p>The United States signed the Rome Statute.</p>
        <h2 id="status">Status</h2><table><tr><th>Treaty</th><td>Signed 31 December 2000</td></tr></table>
        <ul><li>One<br>two</li><li>Three &amp; four</li></ul><pre>code  kept</pre></main>
        <footer>© 2024</footer><script>var x = "<p>not text</p>";</script></body></html>
        """),
    ("article.xml", """
        <?xml version="1.0" encoding="UTF-8"?><article xmlns="http://docbook.org/ns/docbook" version="5.0">
        <info><title>Rome Statute</title></info><section xml:id="s1"><title>Signature</title>
        <para>Signed on <date>31 December 2000</date>, suspended later.</para>
        <itemizedlist><listitem><para>War crimes</para></listitem></itemizedlist></section></article>
        """),
]

/// A seeded mutation run over the ingester: whatever the bytes, it returns a document or a
/// clear error, never crashes, and what it returns is well formed.
@Test(arguments: 0..<seeds.count)
func mutatedPagesNeverCrashTheIngester(seedIndex: Int) {
    let (path, page) = seeds[seedIndex]
    var mutator = Mutator(seed: UInt64(seedIndex) &* 7919 &+ 1)
    let ingester = Ingester()
    var input = Array(page.utf8)
    for round in 0..<300 {
        input = round % 10 == 0 ? Array(page.utf8) : mutator.mutate(input)
        do {
            let document = try ingester.ingest(contents: input, path: path)
            var seen = Set<PassageID>()
            for (ordinal, passage) in document.passages.enumerated() {
                #expect(passage.ordinal == ordinal)
                #expect(!passage.text.isEmpty)
                #expect(passage.line >= 1)
                #expect(seen.insert(passage.id).inserted)
            }
        } catch {
            #expect(!error.reason.isEmpty)
            #expect(error.path == path)
        }
    }
}
