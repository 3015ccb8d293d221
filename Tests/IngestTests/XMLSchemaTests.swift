import Index
import Ingest
import Testing

/// The generic XML mapping on each schema it must read well.
@Suite struct XMLSchemaTests {
    private func summary(_ name: String) throws -> [String] {
        try Fixture.document(name).passages.map { "\($0.section.joined(separator: " > ")) | \($0.anchor ?? "-") | \($0.text)" }
    }

    @Test func docBook() throws {
        let document = try Fixture.document("icc-jurisdiction.xml")
        #expect(document.title == "How the International Criminal Court Gets Its Cases")
        #expect(document.date == "2021-03-15")
        #expect(document.language == "en")
        #expect(document.passages.map(\.section) == [
            ["How the International Criminal Court Gets Its Cases"],
            ["How the International Criminal Court Gets Its Cases", "Three triggers"],
            ["How the International Criminal Court Gets Its Cases", "Limits on jurisdiction", "Temporal jurisdiction"],
            ["How the International Criminal Court Gets Its Cases", "Limits on jurisdiction", "Complementarity"],
        ])
        #expect(document.passages.map(\.anchor) == ["icc-jurisdiction", "triggers", "temporal", "complementarity"])
        #expect(document.passages[1].text.hasSuffix(
            "open an investigation proprio motu, on her own initiative, with the authorisation of a Pre-Trial Chamber.\nState Party referral (article 14)\nSecurity Council referral (article 13(b))\nProsecutor's own initiative (article 15)"))
        #expect(document.passages[3].text.hasSuffix(
            "Crimes within the jurisdiction of the Court\nCrime — Article\nGenocide — Article 6\nCrimes against humanity — Article 7\nWar crimes — Article 8\nCrime of aggression — Article 8 bis"))
        #expect(document.passages.map(\.line) == [8, 13, 24, 28])
        #expect(!Fixture.allText(document).contains("Okafor"))
    }

    @Test func namespacesAndPrefixesDoNotMatter() throws {
        let plain = try Fixture.bytes("icc-jurisdiction.xml")
        let prefixed = String(decoding: plain, as: UTF8.self)
            .replacingOccurrences(of: "<", with: "<db:").replacingOccurrences(of: "<db:/", with: "</db:")
            .replacingOccurrences(of: "<db:?xml", with: "<?xml")
            .replacingOccurrences(of: "xmlns=", with: "xmlns:db=")
        let a = try Ingester().ingest(contents: plain, path: "x.xml")
        let b = try Ingester().ingest(contents: Array(prefixed.utf8), path: "x.xml")
        #expect(a.passages.map(\.text) == b.passages.map(\.text))
        #expect(a.passages.map(\.section) == b.passages.map(\.section))
        #expect(a.title == b.title)
    }

    @Test func tei() throws {
        let document = try Fixture.document("rome-conference-letter.tei.xml")
        #expect(document.title == "Letter from the Rome Conference, July 1998")
        #expect(document.date == "1998-07-18")
        #expect(document.passages.count == 2)
        #expect(document.passages.allSatisfy { $0.section == ["Letter from the Rome Conference, July 1998", "Rome, 18 July 1998"] })
        #expect(document.passages[1].text == "The text is not everything we asked for. The Prosecutor may act on her own initiative, but only with the approval of judges, and the crime of aggression is named but left undefined. Still, for the first time there will be a permanent court for genocide, crimes against humanity and war crimes.\nWith warm regards, M.")
        #expect(document.passages[0].text.hasPrefix("Dear colleagues,\nLate last night"))
        #expect(!Fixture.allText(document).contains("NGO observer"))
        #expect(!Fixture.allText(document).contains("Transcribed"))
    }

    @Test func jats() throws {
        let document = try Fixture.document("jats-article.xml")
        #expect(document.title == "Deterrence and the International Criminal Court")
        #expect(document.date == "2020-05-03")
        #expect(try summary("jats-article.xml") == [
            "Deterrence and the International Criminal Court | - | We ask whether the existence of the Court deters atrocity crimes, using ratification dates as a natural experiment.",
            "Deterrence and the International Criminal Court > Introduction | s1 | Deterrence was one of the promises made at Rome in 1998. Measuring it is hard, because the crimes the Court tries are rare and their causes many [1].",
            "Deterrence and the International Criminal Court > Data | s2 | We use the dates on which 123 States deposited their instruments of ratification.\nRatifications by decade\nDecade — Ratifications\n1990s — 6",
            "Deterrence and the International Criminal Court | b1 | Jo H, Simmons B. Can the International Criminal Court deter atrocity? 2016.",
        ])
        #expect(!Fixture.allText(document).contains("Journal of International Justice"))
        #expect(!Fixture.allText(document).contains("Ibarra"))
    }

    @Test func mallard() throws {
        let document = try Fixture.document("mallard-page.page")
        #expect(document.title == "Find a passage")
        #expect(document.description == "Search your saved pages and cite what you find.")
        #expect(try summary("mallard-page.page") == [
            "Find a passage | find-passages | Use citex search to find the passage you remember.\nOpen a terminal.\nType the words you remember.",
            "Find a passage > Cite it | cite | Every result shows the title, the section and the line of the passage.\ncitex search \"rome statute\"\ncitex extract Corpus\nAnchors let a link jump to the passage.",
        ])
    }

    @Test func atomWithEscapedHTML() throws {
        let document = try Fixture.document("atom-feed.atom")
        #expect(document.title == "Justice Monitor")
        #expect(document.url == "https://monitor.example.org/")
        #expect(try summary("atom-feed.atom") == [
            "Justice Monitor > Assembly of States Parties opens in The Hague | - | Delegates from 124 States Parties met on Monday.\nThe agenda includes the budget and the election of six judges.",
            "Justice Monitor > Observer States | - | Non-member States may attend as observers.",
        ])
    }

    @Test func rssWithCDATAHTML() throws {
        let document = try Fixture.document("rss-feed.rss")
        #expect(document.title == "ICC Weekly")
        #expect(document.language == "en-gb")
        #expect(document.url == "https://weekly.example.org/")
        #expect(document.passages.last?.section == ["ICC Weekly", "Review Conference remembered"])
        #expect(document.passages.last?.text == "Kampala hosted the first Review Conference.\nIt defined the crime of aggression.")
        #expect(!Fixture.allText(document).contains("<p>"))
    }

    @Test func cranfieldStyleRecords() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <doc>
              <docno>184</docno>
              <title>pressure distribution on a wing .</title>
              <author>smith,j.</author>
              <text>pressure distribution
            on a wing was measured .</text>
            </doc>
            """
        let document = try Ingester().ingest(contents: Array(xml.utf8), path: "docs/184.xml")
        #expect(document.title == "pressure distribution on a wing .")
        #expect(document.passages.map(\.text) == ["pressure distribution on a wing was measured ."])
        #expect(document.passages.map(\.line) == [6])
    }
}
