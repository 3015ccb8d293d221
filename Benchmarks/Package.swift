// swift-tools-version: 6.1
import PackageDescription

/// citex's benchmarks, in a package of their own so `swift test` in the root never builds them
/// and package-benchmark never becomes a dependency of citex itself.
///
///     swift package --package-path Benchmarks benchmark                       # micro benchmarks
///     swift run -c release --package-path Benchmarks ingest-benchmark [CORPUS] [ROUNDS]
///     swift run -c release --package-path Benchmarks search-benchmark [PASSAGES] [QUERIES] [CLASS]
///     swift run -c release --package-path Benchmarks index-benchmark PASSAGES.jsonl [--json]
///     swift run -c release --package-path Benchmarks analysis-benchmark [DIR|FILE ...]
///     swift run -c release --package-path Benchmarks analysis-relevance [CRANFIELD-DIR]
let package = Package(
    name: "citex-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "citex", path: ".."),
        .package(url: "https://github.com/ordo-one/package-benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .target(
            name: "BenchmarkSupport",
            dependencies: [
                .product(name: "Index", package: "citex"),
                .product(name: "Ingest", package: "citex"),
                .product(name: "Search", package: "citex"),
                .product(name: "TestSupport", package: "citex"),
            ]),
        .executableTarget(
            name: "Micro",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Analysis", package: "citex"),
                .product(name: "Index", package: "citex"),
                .product(name: "Ingest", package: "citex"),
                .product(name: "Search", package: "citex"),
                .product(name: "Snippets", package: "citex"),
                .product(name: "TestSupport", package: "citex"),
                .product(name: "Benchmark", package: "package-benchmark"),
            ],
            path: "Micro",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]),
        .executableTarget(
            name: "ingest-benchmark",
            dependencies: ["BenchmarkSupport", .product(name: "Ingest", package: "citex")],
            path: "Sources/IngestBenchmark"),
        .executableTarget(
            name: "search-benchmark",
            dependencies: [
                "BenchmarkSupport", .product(name: "Index", package: "citex"), .product(name: "Search", package: "citex"),
            ],
            path: "Sources/SearchBenchmark"),
        .executableTarget(
            name: "index-benchmark",
            dependencies: ["BenchmarkSupport", .product(name: "Index", package: "citex")],
            path: "Sources/IndexBenchmark"),
        .executableTarget(
            name: "analysis-benchmark",
            dependencies: ["BenchmarkSupport", .product(name: "Analysis", package: "citex")],
            path: "Sources/AnalysisBenchmark"),
        .executableTarget(
            name: "analysis-relevance",
            dependencies: [.product(name: "Analysis", package: "citex"), .product(name: "Search", package: "citex")],
            path: "Sources/AnalysisRelevance"),
    ],
    swiftLanguageModes: [.v6]
)
