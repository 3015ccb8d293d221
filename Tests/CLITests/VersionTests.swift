import Testing
import TestSupport

@Test func versionFlagPrintsAndExitsZero() throws {
    let result = try CLIRunner.run(["--version"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("citex "))
}
