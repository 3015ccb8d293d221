import Benchmark

/// citex's micro benchmarks: `swift package --package-path Benchmarks benchmark [--filter REGEX]`.
///
/// Every benchmark reports wall and CPU time, iterations/s, heap allocations and peak memory, and a
/// rate per thread-CPU-second in its own unit (`Rate`). Inputs come from `Fixtures`, built before
/// the first iteration. Where two benchmarks form a pair (pruned vs exhaustive top-k, citex ingest
/// vs libxml2's bare parse), compare their rates from the same run.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 1, maxDuration: .seconds(2), maxIterations: 30)
    registerAnalysis()
    registerIndex()
    registerSearch()
    registerSnippets()
    registerIngest()
}
