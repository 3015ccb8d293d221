import Foundation
import Index
import Ingest
import Testing

/// The HTML rules one at a time, on small pages.
@Suite struct HTMLExtractionTests {
    /// Every block its own passage, so each rule shows alone.
    static let small = IngestOptions(minWords: 1, maxWords: 150)

    @Test func inlineMarkupJoinsWithTheRightSpacing() throws {
        let document = try Fixture.ingest(
            "<p>one<br>two<br/>three <b>bold</b>and<i> italic</i>  &amp; &eacute;t&#233;\u{A0}x</p>", options: Self.small)
        #expect(document.passages.map(\.text) == ["one two three boldand italic & été x"])
    }

    @Test func tableRowsKeepCellsApart() throws {
        let document = try Fixture.ingest(
            "<table><tr><th>Treaty</th><th>Status</th></tr><tr><td>Rome Statute</td><td></td><td>Signed <br>2000</td></tr></table>",
            options: Self.small)
        #expect(document.passages.map(\.text) == ["Treaty — Status", "Rome Statute — Signed 2000"])
    }

    @Test func layoutTablesStillYieldSections() throws {
        let html = """
            <table><tr><td><h1>Title</h1><p>Body text here.</p></td><td><h2>Second</h2><p>More.</p></td></tr></table>
            """
        let document = try Fixture.ingest(html, options: Self.small)
        #expect(document.passages.map(\.text) == ["Body text here.", "More."])
        #expect(document.passages.map(\.section) == [["Title"], ["Title", "Second"]])
    }

    @Test func passagesNeverCrossHeadings() throws {
        let html = "<h1>A</h1><p>alpha</p><h2 id='b'>B</h2><p>beta</p><h3>C</h3><p>gamma</p><h2>D</h2><p>delta</p>"
        let document = try Fixture.ingest(html)
        #expect(document.passages.map(\.text) == ["alpha", "beta", "gamma", "delta"])
        #expect(document.passages.map(\.section) == [["A"], ["A", "B"], ["A", "B", "C"], ["A", "D"]])
        #expect(document.passages.map(\.anchor) == [nil, "b", "b", "b"])
    }

    @Test func permalinkMarksAreNotPartOfSectionNames() throws {
        let html = "<h1>Intro<a class='headerlink' href='#intro'>¶</a></h1><h2>C# basics §</h2><p>text</p>"
        let document = try Fixture.ingest(html)
        #expect(document.passages.map(\.section) == [["Intro", "C# basics"]])
        let terms = try Fixture.ingest("<dl><dt id='f'>f(x)<a href='#f'>¶</a></dt><dd>Does f. See <a href='#g'>#</a> <a href='/c'>C#</a>.</dd></dl>")
        #expect(terms.passages.map(\.text) == ["f(x)\nDoes f. See C#."])
    }

    @Test func shortBlocksMergeAndLongOnesSplitAtSentenceEnds() throws {
        let options = IngestOptions(minWords: 6, maxWords: 12)
        let html = """
            <p>One two three.</p><p>Four five six.</p><p>Seven eight.</p>
            <p>Mr. Smith met Dr. Jones in the U.S. today. It rained on George W. Bush all day long. Then the sun came out again for us.</p>
            """
        let document = try Fixture.ingest(html, options: options)
        #expect(document.passages.map(\.text) == [
            "One two three.\nFour five six.\nSeven eight.",
            "Mr. Smith met Dr. Jones in the U.S. today.",
            "It rained on George W. Bush all day long.",
            "Then the sun came out again for us.",
        ])
    }

    @Test func sentencelessTextSplitsAtTheWordLimit() throws {
        let words = (1...25).map { "w\($0)" }.joined(separator: " ")
        let document = try Fixture.ingest("<p>\(words)</p>", options: IngestOptions(minWords: 2, maxWords: 10))
        #expect(document.passages.map { $0.text.split(separator: " ").count } == [10, 10, 5])
    }

    @Test func preformattedTextKeepsItsLines() throws {
        let document = try Fixture.ingest("<pre>\n  let x = 1\n  let y = 2\n</pre>", options: Self.small)
        #expect(document.passages.map(\.text) == ["let x = 1\n  let y = 2"])
    }

    @Test func hiddenAndScriptedContentIsDropped() throws {
        let html = """
            <body><p>kept</p><p hidden>hidden attr</p><p aria-hidden="true">aria hidden</p>
            <p style="display: none">display none</p><script>var script = 1;</script><style>p{}</style>
            <noscript>noscript text</noscript><template><p>template</p></template>
            <form><label>Your email</label><input><button>Send</button></form><select><option>Option</option></select></body>
            """
        let document = try Fixture.ingest(html, options: Self.small)
        #expect(document.passages.map(\.text) == ["kept"])
    }

    @Test func pagesWithoutMainFallBackToLinkDensity() throws {
        let html = """
            <html><head><title>Plain</title></head><body>
            <div class="top"><ul><li><a href="/">Home</a></li><li><a href="/a">About</a></li></ul></div>
            <div class="x"><h1>Plain page</h1><p>The only real paragraph, with <a href="/l">one link</a> in it.</p>
            <p><a href="/more">Read more stories</a></p></div>
            <div id="nav"><p>Weak chrome by id</p></div>
            </body></html>
            """
        let document = try Fixture.ingest(html, options: Self.small)
        #expect(document.passages.map(\.text) == ["The only real paragraph, with one link in it."])
        #expect(document.title == "Plain")
    }

    @Test func articleIsPreferredWhenThereIsNoMain() throws {
        let html = """
            <div class="promo"><p>Buy now</p></div><div><p>Outside prose that is not the article.</p></div>
            <article><h1>Story</h1><p>Inside the article.</p><aside><p>A fact box inside.</p></aside>
            <footer><p>Article footer kept.</p></footer></article>
            """
        let document = try Fixture.ingest(html, options: Self.small)
        #expect(document.passages.map(\.text) == ["Inside the article.", "A fact box inside.", "Article footer kept."])
    }

    @Test func aMainRegionHoldingLittleOfTheTextIsNotTrusted() throws {
        let prose = String(repeating: "Real prose outside the main element. ", count: 12)
        let html = "<main><p>Search this site</p></main><div><h1>Story</h1><p>\(prose)</p></div>"
        let document = try Fixture.ingest(html, options: Self.small)
        #expect(document.passages.map(\.text) == ["Search this site", prose.trimmingCharacters(in: .whitespaces)])
    }

    @Test func wholePageFormsAreNotDropped() throws {
        let html = "<body><form id='aspnetForm'><h1>T</h1><p>Everything is inside a form on this page.</p></form></body>"
        let document = try Fixture.ingest(html, options: Self.small)
        #expect(document.passages.map(\.text) == ["Everything is inside a form on this page."])
    }

    @Test func anchorsAreTheNearestEnclosingOrPreceding() throws {
        let html = """
            <div id="outer"><p>first</p><a name="named"></a><p>second <sup id="ref1">1</sup></p>
            <p id="own">third</p><p>fourth</p></div>
            """
        let document = try Fixture.ingest(html, options: Self.small)
        #expect(document.passages.map(\.anchor) == ["outer", "named", "own", "own"])
    }

    @Test func titleFallsBackToOpenGraphThenHeadingThenFileName() throws {
        #expect(try Fixture.ingest("<meta property='og:title' content='OG'><h1>H</h1><p>x</p>").title == "OG")
        #expect(try Fixture.ingest("<h1>Heading</h1><p>x</p>").title == "Heading")
        #expect(try Fixture.ingest("<p>x</p>", path: "dir/file.html").title == "file.html")
    }

    @Test func urlComesFromCanonicalOrOpenGraph() throws {
        #expect(try Fixture.ingest("<meta property='og:url' content='https://e.org/og'><p>x</p>").url == "https://e.org/og")
        let both = "<link rel='canonical' href='https://e.org/c'><meta property='og:url' content='https://e.org/og'><p>x</p>"
        #expect(try Fixture.ingest(both).url == "https://e.org/c")
        #expect(try Fixture.ingest("<p>x</p>").url == nil)
    }

    @Test func dateFromMetaOrTimeElement() throws {
        #expect(try Fixture.ingest("<meta name='date' content='2020/01/31'><p>x</p>").date == "2020-01-31")
        #expect(try Fixture.ingest("<main><time datetime='2021-02-03'>3 Feb</time><p>x</p></main>").date == "2021-02-03")
    }

    @Test func sourceLinesPointAtTheBlock() throws {
        let html = "<html>\n<body>\n<p>one</p>\n\n<p>\ntwo\nlines</p>\n</body></html>"
        let document = try Fixture.ingest(html, options: Self.small)
        #expect(document.passages.map(\.line) == [3, 6])
    }
}
