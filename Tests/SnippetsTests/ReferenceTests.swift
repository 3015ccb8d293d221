import Index
import Snippets
import Testing

private let document = Document(
    path: "united-states.html", title: "United States", url: "https://www.example.org/countries/united-states",
    date: "2024-05-01")
private let passage = Passage(
    id: PassageID(rawValue: 0x3F2A_9C1B_7D4E_0A12), ordinal: 3, section: ["Rome Statute"],
    text: "Clinton signed the Rome Statute on 31 December 2000 & 100% of it.", line: 42, anchor: "signature")
private let reference = Reference(document: document, passage: passage, accessed: "2026-11-29")

@Test func markdownReferenceNamesSiteDateLinkAndQuote() {
    #expect(reference.render(.markdown) == """
        United States — Rome Statute. example.org, 2024-05-01. <https://www.example.org/countries/united-states#signature> (accessed 2026-11-29; passage `3f2a9c1b7d4e0a12`).

        > Clinton signed the Rome Statute on 31 December 2000 & 100% of it.

        """)
}

@Test func bibtexIsABiblatexOnlineEntryWithEscapedText() {
    #expect(reference.render(.bibtex) == """
        @online{citex-3f2a9c1b7d4e0a12,
          title = {United States},
          organization = {example.org},
          date = {2024-05-01},
          url = {https://www.example.org/countries/united-states#signature},
          urldate = {2026-11-29},
          note = {Section: Rome Statute. Quoted passage (united-states.html:42, id 3f2a9c1b7d4e0a12): ``Clinton signed the Rome Statute on 31 December 2000 \\& 100\\% of it.''},
        }

        """)
}

@Test func cslJSONCarriesIssuedAndAccessedDateParts() {
    let output = reference.render(.cslJSON)
    #expect(output.hasPrefix(#"[{"id":"citex-3f2a9c1b7d4e0a12","type":"webpage","title":"United States","container-title":"example.org","URL":"https://www.example.org/countries/united-states#signature","issued":{"date-parts":[[2024,5,1]]},"accessed":{"date-parts":[[2026,11,29]]},"section":"Rome Statute","note":"#))
}

@Test func withoutURLTheReferencePointsAtPathAndLine() {
    let local = Reference(document: Document(path: "notes/a.xml", title: ""), passage: passage, accessed: "2026-11-29")
    #expect(local.site == nil)
    #expect(local.render(.markdown).hasPrefix("a.xml — Rome Statute. `notes/a.xml:42` (accessed 2026-11-29"))
}
