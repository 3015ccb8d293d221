// swift-tools-version: 6.1
import PackageDescription

/// Release-build benchmarks, kept out of the root package so `swift test` never builds them.
/// Run: `swift run -c release --package-path Benchmarks ingest-benchmark [CORPUS_ROOT]`.
let package = Package(
    name: "citex-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "citex", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "ingest-benchmark",
            dependencies: [.product(name: "Citex", package: "citex")],
            path: "IngestBenchmark"),
    ],
    swiftLanguageModes: [.v6]
)
