import Snippets
import Testing

@Test func defaultSnippetIsAboutTwoHundredCharacters() {
    #expect(SnippetOptions().maxCharacters == 200)
}
