import Ingest
import Testing

@Test func linksAgainstLibXML2Version2() {
    #expect(LibXML2Version.current.hasPrefix("2"))
}
