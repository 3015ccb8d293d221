import Snippets
import Testing

@Test(arguments: [
    (ColorChoice.auto, true, [String: String](), true),
    (.auto, false, [:], false),
    (.auto, true, ["NO_COLOR": "1"], false),
    (.auto, true, ["NO_COLOR": ""], true),
    (.auto, true, ["TERM": "dumb"], false),
    (.always, false, ["NO_COLOR": "1"], true),
    (.never, true, [:], false),
])
func colorFollowsTheTerminalAndNO_COLOR(choice: ColorChoice, terminal: Bool, environment: [String: String], expected: Bool) {
    #expect(choice.enabled(outputIsTerminal: terminal, environment: environment) == expected)
}
