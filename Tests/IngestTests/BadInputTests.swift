import Foundation
import Index
import Ingest
import Testing
import TestSupport

/// Hostile and broken files: a clear per-file error or a safe result, never a crash or a hang.
@Suite struct BadInputTests {
    @Test func emptyFileIsAnError() {
        #expect(throws: IngestError(path: "e.html", reason: "empty file")) {
            try Ingester().ingest(contents: [], path: "e.html")
        }
    }

    @Test func binaryFileIsAnError() {
        var generator = SeededGenerator(seed: 7)
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]
            + (0..<4000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        #expect(throws: IngestError(path: "x.html", reason: "binary file, not HTML or XML")) {
            try Ingester().ingest(contents: png, path: "x.html")
        }
    }

    @Test func oversizedFileIsAnError() throws {
        let ingester = Ingester(options: IngestOptions(maxFileBytes: 10))
        let error = #expect(throws: IngestError.self) { try ingester.ingest(contents: Array("<p>eleven bytes</p>".utf8), path: "a.html") }
        #expect(error?.isTooLarge == true)
    }

    @Test func invalidUTF8IsDecodedNotRejected() throws {
        let bytes = Array("<p>caf".utf8) + [0xE9, 0xFF, 0xC0] + Array(" ok</p>".utf8)
        let document = try Ingester().ingest(contents: bytes, path: "a.html")
        #expect(document.passages.map(\.text) == ["caféÿÀ ok"])
    }

    @Test func hundredThousandDeepHTMLKeepsTheTextAfterIt() throws {
        let depth = 100_000
        let html = "<p>before</p>" + String(repeating: "<div>", count: depth) + "deep"
            + String(repeating: "</div>", count: depth) + "<p>after the deep part</p>"
        let document = try Ingester(options: IngestOptions(minWords: 1)).ingest(contents: Array(html.utf8), path: "deep.html")
        #expect(document.passages.map(\.text) == ["before", "deep", "after the deep part"])
    }

    @Test func hundredThousandDeepXMLIsAClearError() {
        let depth = 100_000
        let xml = "<?xml version=\"1.0\"?>" + String(repeating: "<a>", count: depth) + "x" + String(repeating: "</a>", count: depth)
        #expect(throws: IngestError(path: "deep.xml", reason: "XML nested deeper than 256 elements")) {
            try Ingester().ingest(contents: Array(xml.utf8), path: "deep.xml")
        }
    }

    @Test func fifteenMegabytePage() throws {
        let paragraph = "<p>" + String(repeating: "Quis custodiet ipsos custodes. ", count: 20) + "</p>\n"
        var html = "<html><body><h1>Big</h1>"
        while html.utf8.count < 15 << 20 { html += paragraph }
        html += "<p>The very last paragraph.</p></body></html>"
        let document = try Ingester().ingest(contents: Array(html.utf8), path: "big.html")
        #expect(document.passages.count > 20_000)
        #expect(document.passages.last?.text.hasSuffix("The very last paragraph.") == true)
    }

    @Test func oneHugeTextNodeIsKeptWhole() throws {
        let words = String(repeating: "word ", count: 600_000)
        let document = try Ingester().ingest(contents: Array("<p>\(words)end</p>".utf8), path: "long.html")
        #expect(document.passages.reduce(0) { $0 + $1.text.split(separator: " ").count } == 600_001)
    }

    @Test func billionLaughsIsRefused() {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        xml += "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
        for level in 2...9 {
            xml += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n"
        }
        xml += "]>\n<lolz><p>&lol9;</p></lolz>"
        let result = Result { try Ingester().ingest(contents: Array(xml.utf8), path: "lol.xml") }
        switch result {
        case .failure(let error):
            #expect((error as? IngestError)?.reason.contains("entity") == true)
        case .success(let document):
            #expect(Fixture.allText(document).utf8.count < 10_000)
        }
    }

    @Test func externalEntitiesNeverReadLocalFiles() throws {
        let directory = try CLIRunner.temporaryDirectory("xxe")
        defer { try? FileManager.default.removeItem(at: directory) }
        let secret = directory.appendingPathComponent("secret.txt")
        try "TOP-SECRET-CONTENT".write(to: secret, atomically: true, encoding: .utf8)
        for (name, xml) in [
            ("general.xml", "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file://\(secret.path)\">]><d><p>a &x; b</p></d>"),
            ("relative.xml", "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"secret.txt\">]><d><p>a &x; b</p></d>"),
            ("parameter.xml", "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY % p SYSTEM \"file://\(secret.path)\"> %p;]><d><p>a b</p></d>"),
            ("dtd.xml", "<?xml version=\"1.0\"?><!DOCTYPE d SYSTEM \"file://\(secret.path)\"><d><p>a b</p></d>"),
        ] {
            let path = directory.appendingPathComponent(name).path
            let result = Result { try Ingester().ingest(contents: Array(xml.utf8), path: path) }
            if case .success(let document) = result {
                #expect(!Fixture.allText(document).contains("TOP-SECRET"))
                #expect(!document.title.contains("TOP-SECRET"))
            }
        }
    }

    @Test func internalEntitiesAreExpandedOnce() throws {
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY icc \"International Criminal Court\">]><d><p>The &icc; sits in The Hague.</p></d>"
        let document = try Ingester().ingest(contents: Array(xml.utf8), path: "e.xml")
        #expect(document.passages.map(\.text) == ["The International Criminal Court sits in The Hague."])
    }

    @Test func undeclaredHTMLEntitiesInXMLAreReadByName() throws {
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE article SYSTEM \"docbook.dtd\"><article><para>A&nbsp;&mdash;&nbsp;B &unknownthing; C</para></article>"
        let document = try Ingester().ingest(contents: Array(xml.utf8), path: "e.xml")
        #expect(document.passages.map(\.text) == ["A — B C"])
    }

    @Test func malformedXMLRecoversWhatItCan() throws {
        let xml = "<?xml version=\"1.0\"?><doc><p>fine text</p><p>unclosed <b>bold</doc>"
        let document = try Ingester(options: IngestOptions(minWords: 1)).ingest(contents: Array(xml.utf8), path: "m.xml")
        #expect(document.passages.first?.text == "fine text")
    }

    @Test func tagSoupHTMLDoesNotCrash() throws {
        var generator = SeededGenerator(seed: 42)
        let pieces = ["<p>", "</p>", "<div>", "</td>", "<table>", "<tr>", "<td>", "text ", "&amp;", "&bogus;", "<br>",
                      "<!--", "-->", "<script>", "</script>", "<h2>", "<", ">", "\"", "<a href=", "\u{0}", "é"]
        for _ in 0..<200 {
            let html = (0..<300).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }.joined()
            _ = try? Ingester().ingest(contents: Array(html.utf8), path: "soup.html")
        }
    }

    @Test func randomXMLDoesNotCrash() throws {
        var generator = SeededGenerator(seed: 99)
        let pieces = ["<a>", "</a>", "<section>", "<title>", "</title>", "</section>", "<row>", "<entry>", "text ",
                      "&amp;", "&undefined;", "<![CDATA[x]]>", "<!--", "-->", "<?pi?>", "<", ">", "\"", "é", "<lb/>",
                      "<!DOCTYPE d [<!ENTITY e \"v\">]>", "&e;"]
        for _ in 0..<200 {
            let xml = "<?xml version=\"1.0\"?>" + (0..<300).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }.joined()
            _ = try? Ingester().ingest(contents: Array(xml.utf8), path: "soup.xml")
        }
    }
}
