import Index
import Snippets
import Testing

private let document = Document(
    path: "united-states.html", title: "United States", url: "https://example.org/countries/united-states",
    language: "en", date: "2024-05-01")
private let passage = Passage(
    id: PassageID(rawValue: 0x3F2A_9C1B_7D4E_0A12), ordinal: 3, section: ["United States", "Rome Statute", "Signature"],
    text: "President Bill Clinton signed the Rome Statute on 31 December 2000.", line: 42, anchor: "signature")
private let hit = CitedHit(
    rank: 1, score: 7.25, document: document, passage: passage,
    snippet: Snippet(text: "President Bill Clinton signed the Rome Statute on 31 December 2000.", highlights: [23..<29, 34..<46]))
private let page = ResultPage(query: "signing \"rome statute\"", total: 3, tookMilliseconds: 0.5, hits: [hit])

@Test func textIsGrepLikeAndPlainWithoutColor() {
    #expect(HitRenderer(format: .text).render(page) == """
        united-states.html:42  United States — Rome Statute › Signature
            President Bill Clinton signed the Rome Statute on 31 December 2000.
            https://example.org/countries/united-states#signature  id 3f2a9c1b7d4e0a12


        """)
}

@Test func colorMarksMatchesAndDimsTheCitation() {
    let output = HitRenderer(format: .text, color: true).render(page)
    #expect(output.contains("\u{1B}[1;31msigned\u{1B}[0m"))
    #expect(output.contains("\u{1B}[1;31mRome Statute\u{1B}[0m"))
    #expect(output.contains("\u{1B}[2m    https://example.org"))
    #expect(output.hasPrefix("\u{1B}[35munited-states.html\u{1B}[0m:\u{1B}[32m42\u{1B}[0m"))
}

@Test func markdownQuotesWithBoldMatchesAndALinkedCitation() {
    #expect(HitRenderer(format: .markdown).render(page) == """
        > President Bill Clinton **signed** the **Rome Statute** on 31 December 2000.
        >
        > — [United States — Rome Statute › Signature](https://example.org/countries/united-states#signature), `united-states.html:42`, id `3f2a9c1b7d4e0a12`


        """)
}

@Test func markdownEscapesAndLinksThePathWithoutURL() {
    var local = hit
    local.document = Document(path: "my notes/a_b.html", title: "A *star* page")
    local.passage.section = []
    local.snippet = Snippet(text: "x * y_z", highlights: [])
    let output = HitRenderer(format: .markdown).render(ResultPage(query: "q", total: 1, tookMilliseconds: 1, hits: [local]))
    #expect(output.contains("> x \\* y\\_z\n"))
    #expect(output.contains("[A \\*star\\* page](<my notes/a_b.html#signature>)"))
}

@Test func jsonHasTheDocumentedKeysInOrder() {
    #expect(HitRenderer(format: .json).render(page) == """
        {"query":"signing \\"rome statute\\"","total":3,"took_ms":0.5,"hits":[{"rank":1,"score":7.25,"id":"3f2a9c1b7d4e0a12","path":"united-states.html","title":"United States","url":"https://example.org/countries/united-states","section":["United States","Rome Statute","Signature"],"line":42,"anchor":"signature","text":"President Bill Clinton signed the Rome Statute on 31 December 2000.","snippet":"President Bill Clinton signed the Rome Statute on 31 December 2000.","highlights":[[23,29],[34,46]]}]}

        """)
}

@Test func jsonlIsOneHitPerLineWithItsQuery() {
    var batch = page
    batch.qid = "q7"
    batch.hits.append(hit)
    let lines = HitRenderer(format: .jsonl).render(batch).split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines[0].hasPrefix(#"{"qid":"q7","query":"signing \"rome statute\"","rank":1,"#))
}

@Test func trecPrintsOneLinePerHitWithPathAsDocid() {
    var batch = page
    batch.qid = "12"
    #expect(HitRenderer(format: .trec).render(batch) == "12 Q0 united-states.html 1 7.250000 citex\n")
}

@Test func citationDropsAFirstHeadingThatRepeatsTheTitle() {
    #expect(hit.citation.section == ["Rome Statute", "Signature"])
    #expect(hit.citation.link == "https://example.org/countries/united-states#signature")
    #expect(hit.citation.location == "united-states.html:42")
}

/// What the CLI writes (bytes, JSON never made a `String`) is exactly the rendered text, in
/// every format, with and without a qid.
@Test(arguments: OutputFormat.allCases)
func bytesAreTheRenderedText(format: OutputFormat) {
    var withQid = page
    withQid.qid = "q7"
    for page in [page, withQid] {
        let renderer = HitRenderer(format: format)
        #expect(renderer.renderBytes(page) == Array(renderer.render(page).utf8))
    }
}
