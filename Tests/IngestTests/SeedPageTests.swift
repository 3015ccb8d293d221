import Foundation
import Index
import Ingest
import Testing

/// The seed page: a real-looking country profile with every kind of page chrome around it.
@Suite struct SeedPageTests {
    struct Expected {
        var text: String
        var section: [String]
        var line: Int
        var anchor: String?

        init(_ text: String, section: [String], line: Int, anchor: String?) {
            self.text = text
            self.section = section
            self.line = line
            self.anchor = anchor
        }
    }

    static let expected: [Expected] = [
        Expected("The United States of America has signed the Rome Statute, but has indicated it does not intend to ratify it. The US has partially incorporated Rome Statute offenses into national laws, and has an observer status during the Assembly of States Parties.",
                 section: ["United States"], line: 59, anchor: "country-united-states"),
        Expected("Although historically a strong supporter of international justice, the United States of America has only ever signed the Rome Statute and at one time indicated it did not intend to ratify the ICC founding treaty. The US has partially incorporated Rome Statute offenses into national laws, including war crimes and genocide provisions. The US holds one of five permanent seats in the United Nations Security Council.",
                 section: ["United States"], line: 61, anchor: "country-united-states"),
        Expected("The United States played an important role in the Rome Conference in 1998, and President Bill Clinton signed the Rome Statute on 31 December 2000, the last day it was open for signatures. Shortly after, President George W. Bush suspended the signature and informed the UN Secretary-General that the US would no longer be involved in ICC matters. In the early 2000s, the US launched what has been described as a global campaign to obtain immunity from ICC jurisdiction. Numerous bilateral immunity agreements (BIAs) were signed with the US, shielding US nationals from ICC prosecutions; the Nethercutt Amendment allowed broad cuts in foreign assistance to ICC member states that had opted against BIAs and had not received presidential waivers; and the American Service members’ Protection Act in turn placed restrictions on US cooperation with the ICC.",
                 section: ["United States"], line: 62, anchor: "country-united-states"),
        Expected("Communication between the US and ICC opened again after President Barack Obama took office in 2009. While still not a member state, the US has participated with observer status at the Assembly of States Parties to the Rome Statute since 2009, sent a delegation to the 2010 Review Conference in Kampala, and attends the Assembly working groups throughout the year. The US has included ICC fugitives in its Rewards for Justice program, and has assisted in the transfer of ICC suspects to the Court. However, US law prohibits any direct funding of the Court.",
                 section: ["United States"], line: 62, anchor: "country-united-states"),
        Expected("Short of ratification, signing the Rome Statute creates a good faith obligation to refrain from acts that would defeat the object and the purpose of the Statute. While international legal scholars remain unclear about the legality of “nullifying” a signature, many have welcomed renewed diplomatic relations between the US and the ICC as a possible sign of the country’s willingness to reopen talks on ratification or accession.",
                 section: ["United States", "Civil society advocacy"], line: 65, anchor: "civil-society-advocacy"),
        Expected("The US has meanwhile adopted a policy favoring support to the Court in cases that advance US national security interests. The American NGO Coalition for the ICC (AMICC) highlighted in 2016 that the US had deemed all ICC cases to that point to advance such interests and that US law in fact allows for limited in-kind support on a case-by-case basis.",
                 section: ["United States", "Civil society advocacy"], line: 66, anchor: "civil-society-advocacy"),
        Expected("As a permanent UN Security Council member, the US has a particular responsibility to safeguard global peace and security, which includes referring situations of assessed atrocities to the ICC in the absence of alternative avenues to justice. While the US abstained in the 2005 Council resolution referring the situation in Darfur to the ICC, it joined the vote to refer the situation in Libya in 2011.",
                 section: ["United States", "Civil society advocacy"], line: 67, anchor: "civil-society-advocacy"),
        Expected("Until the US becomes a member of the ICC or brings its laws into full conformity with the Rome Statute, the US can demonstrate its renewed commitment by exerting influence within the Council to protect against abusive veto practices and to ensure political interests do not block the Court’s common mission to enhance global peace and security—through justice and accountability.",
                 section: ["United States", "Civil society advocacy"], line: 68, anchor: "civil-society-advocacy"),
        Expected("There is an active civil society movement in the United States promoting a lasting and productive relationship with the Court, with many of these civil society actors forming the American NGOs Coalition for the ICC (AMICC). The work of these NGOs, academic programs, and individuals ranges from providing practical legal assistance to the ICC, to educating and advocating to the public, legal practitioners, and domestic policymakers.",
                 section: ["United States", "Civil society activities"], line: 71, anchor: "civil-society-activities"),
        Expected("The Coalition for the ICC has long supported its United States members’ participation at the annual Assembly of States Parties to the Rome Statute of the ICC. During the annual session itself, the Coalition has previously assisted with the organization of strategy sessions and side events on enhancing US-ICC relations or elevating international justice on the country’s foreign affairs agenda.",
                 section: ["United States", "Civil society activities"], line: 72, anchor: "civil-society-activities"),
        Expected("Signed but not ratified (non-ICC member state)\nNeither signed nor ratified/acceded\nRatification status\nRome Statute — Signed 31 December 2000\nCrime of agression — Not ratified\nArticle 8 — Not ratified",
                 section: ["United States", "Campaign for global justice"], line: 81, anchor: "campaign"),
    ]

    @Test func passagesAreExactlyTheArticle() throws {
        let document = try Fixture.document("united-states.html")
        #expect(document.passages.count == Self.expected.count)
        for (passage, expected) in zip(document.passages, Self.expected) {
            #expect(passage.text == expected.text)
            #expect(passage.section == expected.section)
            #expect(passage.line == expected.line)
            #expect(passage.anchor == expected.anchor)
        }
        #expect(document.passages.map(\.ordinal) == Array(0..<Self.expected.count))
    }

    @Test func metadataComesFromTheHead() throws {
        let document = try Fixture.document("united-states.html")
        #expect(document.title == "United States | Coalition for the International Criminal Court")
        #expect(document.url == "https://www.coalitionfortheicc.org/country/united-states")
        #expect(document.language == "en")
        #expect(document.date == "2019-06-12T09:30:00Z")
        #expect(document.description?.hasPrefix("The United States signed the Rome Statute in 2000") == true)
    }

    @Test(arguments: [
        "cookies", "Accept all", "Manage preferences", "Skip to main content", "Global justice starts here",
        "Search the site", "About the Coalition", "Donate now", "Americas", "Share on", "Related countries",
        "Canada", "Stay informed", "newsletter", "All rights reserved", "Privacy policy", "Contact us",
        "dataLayer", "tracking script", "addEventListener", ".visually-hidden",
    ])
    func noBoilerplateLeaks(_ phrase: String) throws {
        let text = Fixture.allText(try Fixture.document("united-states.html"))
        #expect(!text.contains(phrase))
    }

    /// The same page with no `main`, `article`, `nav`, `header`, `footer`, `aside` or ARIA roles:
    /// only class names and link density are left to tell content from chrome.
    @Test func divSoupVariantGivesTheSamePassages() throws {
        let original = try Fixture.document("united-states.html")
        let variant = try Fixture.document("united-states-divs.html")
        #expect(variant.passages.map(\.text) == original.passages.map(\.text))
        #expect(variant.passages.map(\.section) == original.passages.map(\.section))
        #expect(variant.passages.map(\.anchor) == original.passages.map(\.anchor))
        #expect(variant.passages.map(\.line) == original.passages.map(\.line))
        #expect(!Fixture.allText(variant).contains("cookies"))
        #expect(!Fixture.allText(variant).contains("Related countries"))
    }

    @Test func tableCellsStayApartAndTheLegendIsKept() throws {
        let last = try #require(try Fixture.document("united-states.html").passages.last)
        #expect(last.text.contains("Rome Statute — Signed 31 December 2000"))
        #expect(last.text.contains("Signed but not ratified (non-ICC member state)"))
    }

    @Test func idsAreStableAcrossReingestAndEditsElsewhere() throws {
        let bytes = try Fixture.bytes("united-states.html")
        let first = try Ingester().ingest(contents: bytes, path: "united-states.html")
        let again = try Ingester().ingest(contents: bytes, path: "united-states.html")
        #expect(first.passages.map(\.id) == again.passages.map(\.id))
        let edited = String(decoding: bytes, as: UTF8.self)
            .replacingOccurrences(of: "Shortly after, President", with: "Soon after, President")
        let changed = try Ingester().ingest(contents: Array(edited.utf8), path: "united-states.html")
        #expect(changed.passages[2].id != first.passages[2].id)
        #expect(Array(changed.passages.map(\.id).dropFirst(3)) == Array(first.passages.map(\.id).dropFirst(3)))
        #expect(Set(first.passages.map(\.id)).count == first.passages.count)
    }
}
