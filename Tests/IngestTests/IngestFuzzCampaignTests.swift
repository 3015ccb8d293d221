import Ingest
import Testing
import TestSupport

/// The HTML and XML ingesters under `FuzzCampaign`: seeded from the fixture pages, a few
/// dozen executions here, minutes each under `Scripts/fuzz`. Any input yields a document or a
/// clear error naming the path, never a crash.
@Suite struct IngestFuzzCampaignTests {
    static func campaign(_ name: String, fixtures: [String], path: String) throws -> Int {
        let seeds = try fixtures.map { try Fixture.bytes($0) }
        let ingester = Ingester()
        return FuzzCampaign(name: name, seeds: seeds, quickExecutions: 30).run { input in
            do throws(IngestError) {
                let document = try ingester.ingest(contents: input, path: path)
                return document.passages.contains { $0.text.isEmpty || $0.line < 1 }
            } catch {
                return error.path != path || error.reason.isEmpty
            }
        }.findings
    }

    @Test func html() throws {
        #expect(try Self.campaign("html", fixtures: ["united-states.html", "blog-aggression-amendments.html"], path: "page.html") == 0)
    }

    @Test func xml() throws {
        #expect(try Self.campaign("xml", fixtures: ["jats-article.xml", "rome-conference-letter.tei.xml", "rss-feed.rss"], path: "article.xml") == 0)
    }
}
