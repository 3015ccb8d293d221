import Foundation

/// A seeded mutation campaign: short and fixed inside `swift test`, long and timed when
/// `Scripts/fuzz` sets `CITEX_FUZZ_SECONDS`.
///
/// Why not libFuzzer: `-sanitize=fuzzer` links here but a trial hung the shell; a seeded
/// driver replays exactly and needs no extra target. Before each execution the input is
/// written to `$CITEX_FUZZ_DIR/<name>.current`, so when an input crashes the test process the
/// script finds it there and keeps it as a regression fixture; the report line
/// (`<name> <executions> <findings>`) goes to `<name>.report`.
public struct FuzzCampaign: Sendable {
    public let name: String
    public let seeds: [[UInt8]]
    /// Executions when no time is set (the quick run inside `swift test`).
    public let quickExecutions: Int

    public init(name: String, seeds: [[UInt8]], quickExecutions: Int) {
        self.name = name
        self.seeds = seeds
        self.quickExecutions = quickExecutions
    }

    /// Seconds a long campaign runs (`CITEX_FUZZ_SECONDS`), nil for the quick run.
    public static var seconds: Double? {
        ProcessInfo.processInfo.environment["CITEX_FUZZ_SECONDS"].flatMap(Double.init)
    }

    /// Runs `body` on mutated inputs (every tenth a fresh seed, the others built on the last
    /// input); `body` returns true for a finding: an input handled wrongly without a crash.
    /// Returns the executions and findings.
    @discardableResult
    public func run(seed: UInt64 = 1, _ body: ([UInt8]) -> Bool) -> (executions: Int, findings: Int) {
        let environment = ProcessInfo.processInfo.environment
        let folder = environment["CITEX_FUZZ_DIR"]
        let campaignSeed = environment["CITEX_FUZZ_SEED"].flatMap(UInt64.init) ?? seed
        let deadline = Self.seconds.map { Date().addingTimeInterval($0) }
        var mutator = Mutator(seed: campaignSeed)
        var choice = SeededGenerator(seed: campaignSeed &+ 1)
        var input = seeds.first ?? []
        var executions = 0, findings = 0
        while deadline.map({ Date() < $0 }) ?? (executions < quickExecutions) {
            if executions % 10 == 0 { input = seeds.randomElement(using: &choice) ?? [] }
            input = mutator.mutate(input)
            if input.count > 1 << 20 { input = Array(input.prefix(1 << 20)) }
            if let folder { _ = FileManager.default.createFile(atPath: "\(folder)/\(name).current", contents: Data(input)) }
            if body(input) { findings += 1 }
            executions += 1
        }
        if let folder {
            _ = FileManager.default.createFile(
                atPath: "\(folder)/\(name).report", contents: Data("\(name) \(executions) \(findings)\n".utf8))
        }
        return (executions, findings)
    }
}
