import Index
import Ingest
import Testing

/// Every way a page states (or fails to state) its encoding; output is always valid UTF-8.
@Suite struct EncodingTests {
    /// “Smart quotes”, the euro sign and é in Windows-1252.
    static let cp1252Body: [UInt8] = [0x93] + Array("quoted".utf8) + [0x94, 0x20, 0x80, 0x35, 0x20, 0x63, 0x61, 0x66, 0xE9]
    static let decoded = "“quoted” €5 café"

    private func text(_ bytes: [UInt8], path: String = "page.html") throws -> String {
        try Ingester().ingest(contents: bytes, path: path).passages.map(\.text).joined(separator: "\n")
    }

    private func page(head: String, body: [UInt8]) -> [UInt8] {
        Array("<html><head>\(head)</head><body><p>".utf8) + body + Array("</p></body></html>".utf8)
    }

    @Test func windows1252CorpusPage() throws {
        let document = try Fixture.document("kampala-review-1252.html")
        #expect(document.title == "Kampala Review Conference – notes")
        let text = Fixture.allText(document)
        #expect(text.contains("by its “character, gravity and scale” constitutes"))
        #expect(text.contains("participants €15 each; the café outside"))
        #expect(text.contains("31 May – 11 June 2010"))
        #expect(!text.contains("Conferences"))
        #expect(document.passages.map(\.anchor) == [nil, "aggression", "aggression", "stocktaking"])
    }

    @Test(arguments: [
        "<meta charset=\"windows-1252\">",
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">",
        "<meta charset=iso-8859-1>",
        "<meta http-equiv='content-type' content='text/html;charset=ISO-8859-1'>",
        "<meta charset=\"us-ascii\">",
        "",
    ])
    func singleByteDeclarationsAndNoneMeanWindows1252(_ head: String) throws {
        #expect(try text(page(head: head, body: Self.cp1252Body)) == Self.decoded)
    }

    @Test func undeclaredValidUTF8IsUTF8() throws {
        #expect(try text(page(head: "", body: Array(Self.decoded.utf8))) == Self.decoded)
    }

    @Test func utf8ByteOrderMarkIsDroppedAndWins() throws {
        let bytes = [0xEF, 0xBB, 0xBF] + page(head: "<meta charset=windows-1252>", body: Array(Self.decoded.utf8))
        #expect(try text(bytes) == Self.decoded)
    }

    @Test func utf16WithByteOrderMark() throws {
        let html = "<p>\(Self.decoded)</p>"
        let little: [UInt8] = [0xFF, 0xFE] + html.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + html.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(try text(little) == Self.decoded)
        #expect(try text(big) == Self.decoded)
    }

    @Test func declaredSingleByteButActuallyUTF8IsReadAsUTF8() throws {
        // libxml2 alone would produce mojibake and stop at the first byte cp1252 cannot map.
        let body = Array("\(Self.decoded) \u{201D}end".utf8)
        #expect(try text(page(head: "<meta charset=windows-1252>", body: body)) == "\(Self.decoded) ”end")
    }

    @Test func declaredUTF8WithBadBytesGetsReplacementCharacters() throws {
        let body = Array("ok ".utf8) + [0xFF, 0xC3] + Array(" fine".utf8)
        #expect(try text(page(head: "<meta charset=utf-8>", body: body)) == "ok \u{FFFD}\u{FFFD} fine")
    }

    @Test func otherDeclaredCharsetsGoThroughIconv() throws {
        // ISO-8859-2: 0xB9 is š, 0xE8 is č.
        let body = Array("Ko".utf8) + [0xB9] + Array("ice ".utf8) + [0xE8] + Array("aj".utf8)
        #expect(try text(page(head: "<meta charset=iso-8859-2>", body: body)) == "Košice čaj")
    }

    @Test func xmlDeclarationEncoding() throws {
        let xml = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><doc><p>".utf8) + Self.cp1252Body + Array("</p></doc>".utf8)
        #expect(try text(xml, path: "a.xml") == Self.decoded)
    }
}
