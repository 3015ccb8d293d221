import Index
import Testing

@Test func passageIDPrintsAndParsesAsSixteenHexDigits() {
    let id = PassageID(rawValue: 0xAB)
    #expect(id.description == "00000000000000ab")
    #expect(PassageID("00000000000000ab") == id)
    #expect(PassageID("ab") == nil)
    #expect(PassageID("zz000000000000ab") == nil)
}
