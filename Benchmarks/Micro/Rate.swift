import Benchmark
import BenchmarkSupport

/// Work per second of thread CPU time, recorded as a custom metric beside package-benchmark's own:
/// its `throughput` counts iterations, while these benchmarks do a batch per iteration (a
/// megabyte, a list of postings, a batch of queries), and CPU time is what a loaded machine
/// leaves least distorted.
struct Rate {
    let metric: BenchmarkMetric

    init(_ unit: String) {
        metric = .custom(unit + "/s", polarity: .prefersLarger, useScalingFactor: false)
    }

    /// The default metrics plus this rate: package-benchmark shows only the metrics listed.
    var configuration: Benchmark.Configuration {
        .init(metrics: Benchmark.defaultConfiguration.metrics + [metric])
    }

    /// Runs `work` (which returns how many units it did), timed on the thread's CPU clock,
    /// and records its rate.
    func measure(_ benchmark: Benchmark, _ work: () throws -> Int) rethrows {
        let start = ThreadClock.seconds()
        let units = try work()
        let seconds = ThreadClock.seconds() - start
        benchmark.measurement(metric, Int((Double(units) / max(seconds, 1e-9)).rounded()))
    }
}
