import Index
@testable import Ingest
import Testing

@Suite struct PassageIDDerivationTests {
    /// Published XXH64 test vectors (seed 0).
    @Test(arguments: [
        ("", 0xEF46_DB37_51D8_E999 as UInt64),
        ("a", 0xD24E_C4F1_A98C_6E5B),
        ("abc", 0x44BC_2CF5_AD77_0999),
        ("Nobody inspects the spammish repetition", 0xFBCE_A83C_8A37_8BF1),
    ])
    func xxhash64MatchesReference(_ input: String, _ expected: UInt64) {
        let value = Array(input.utf8).withUnsafeBytes { XXHash64.hash($0) }
        #expect(value == expected)
    }

    @Test func dependsOnPathTextAndOccurrenceOnly() {
        let id = PassageID.derive(path: "a.html", text: "same", occurrence: 0)
        #expect(PassageID.derive(path: "a.html", text: "same", occurrence: 0) == id)
        #expect(PassageID.derive(path: "b.html", text: "same", occurrence: 0) != id)
        #expect(PassageID.derive(path: "a.html", text: "same", occurrence: 1) != id)
        #expect(PassageID.derive(path: "a.html", text: "Same", occurrence: 0) != id)
    }

    @Test func repeatedTextGetsDistinctIDs() throws {
        let document = try Ingester(options: IngestOptions(minWords: 1)).ingest(
            contents: Array("<h1>A</h1><p>Same.</p><h1>B</h1><p>Same.</p>".utf8), path: "r.html")
        #expect(document.passages.count == 2)
        #expect(document.passages[0].id != document.passages[1].id)
        #expect(document.passages[0].id == .derive(path: "r.html", text: "Same.", occurrence: 0))
    }
}
