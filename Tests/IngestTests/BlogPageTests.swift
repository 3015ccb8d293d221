import Index
import Ingest
import Testing

/// A blog post: `<main>` holds the article plus comments and post navigation; the article wins.
@Suite struct BlogPageTests {
    @Test func passagesAreTheArticleOnly() throws {
        let document = try Fixture.document("blog-aggression-amendments.html")
        let expected: [(String, [String], Int, String?)] = [
            ("Posted on 17 July 2018 by Ana Lima\nOn 17 July 2018 the Court’s jurisdiction over the crime of aggression was activated, twenty years to the day after the Rome Statute was adopted. For the first time since Nuremberg and Tokyo, an international court can try leaders for waging an illegal war.",
             ["Why the aggression amendments matter"], 25, "post-412"),
            ("The amendments adopted in Kampala define the crime and set out when the Court may act. Three routes are open:\na Security Council referral, for any State;\na State referral, where the aggressor State is a party that has not opted out;\nthe Prosecutor’s own initiative, under the same conditions.\n“The crime of aggression is the supreme international crime.”\n— Nuremberg judgment, 1946",
             ["Why the aggression amendments matter", "What changed"], 30, "what-changed"),
            ("Nationals of States that have not ratified the amendments remain outside the Court’s reach when the Prosecutor or a State triggers a case. Only a Security Council referral covers everyone, and the permanent members hold a veto.\nDelegates at the Review Conference in Kampala, June 2010.\nResolution ICC-ASP/16/Res.5, adopted on 14 December 2017.",
             ["Why the aggression amendments matter", "What did not"], 38, "what-did-not"),
        ]
        #expect(document.passages.count == expected.count)
        for (passage, (text, section, line, anchor)) in zip(document.passages, expected) {
            #expect(passage.text == text)
            #expect(passage.section == section)
            #expect(passage.line == line)
            #expect(passage.anchor == anchor)
        }
        #expect(document.title == "Why the aggression amendments matter – Justice Notes")
        #expect(document.url == "https://justicenotes.example.org/2018/07/aggression-amendments/")
        #expect(document.language == "en-GB")
        #expect(document.date == "2018-07-17T08:00:00+01:00")
    }

    @Test(arguments: [
        "Justice Notes", "About me", "Menu", "Share this", "Twitter", "Previous post", "thoughts on", "Great summary",
        "opt-out declarations?", "Leave a Reply", "Post Comment", "Recent posts", "Proudly powered", "adopted.1",
    ])
    func noBoilerplateLeaks(_ phrase: String) throws {
        #expect(!Fixture.allText(try Fixture.document("blog-aggression-amendments.html")).contains(phrase))
    }
}
