import Testing
import TestSupport

@Test func versionFlagPrintsAndExitsZero() throws {
    let result = try CLIRunner.run(["--version"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("citex "))
}

@Test(arguments: ["search", "index", "show", "cite", "extract", "stats", "remove"])
func everyCommandsHelpHasAnExample(command: String) throws {
    let result = try CLIRunner.run([command, "--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("Example"))
    #expect(result.stdout.contains("citex \(command)"))
}
