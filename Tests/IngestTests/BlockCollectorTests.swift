@testable import Ingest
import Testing
import TestSupport

/// The collector's running word count is a fast path for `TextMeasure.wordCount`: check it
/// against that reference on random markup.
@Suite struct BlockCollectorTests {
    @Test func runningWordCountMatchesTheReference() {
        var generator = SeededGenerator(seed: 11)
        let pieces = ["<p>", "</p>", "<td>", "<tr>", "</tr>", "<br>", "<pre>", "</pre>", " ", "\n", "word", "é",
                      "&nbsp;", "<b>", "</b>", "<li>", "<h2>", "</h2>", "\u{A0}", "x\ty", "<table>", "</table>",
                      "<a href='#x'>¶</a>", " <a href='#y'>#</a>"]
        for _ in 0..<300 {
            let html = (0..<80).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }.joined()
            let stream = HTMLStream()
            Array(html.utf8).withUnsafeBufferPointer { stream.parse($0, name: "random.html") }
            for block in stream.finish().blocks where block.kind == .text {
                #expect(block.words == TextMeasure.wordCount(block.text), "\(block.text)")
            }
        }
    }
}
