import Citex
import Testing

@Test func versionNamesLibXML2() {
    #expect(CitexVersion.description.contains("libxml2 2."))
}
