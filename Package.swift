// swift-tools-version: 6.1
import PackageDescription

/// citex: one module per stage, dependencies pointing one way
/// (CitexCLI → Citex → {Search, Snippets, Ingest} → Index → Analysis).
let package = Package(
    name: "citex",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "citex", targets: ["CitexCLI"]),
        .library(name: "Citex", targets: ["Citex"]),
        // The stage modules are products so `Benchmarks/Package.swift` can measure them directly.
        .library(name: "Analysis", targets: ["Analysis"]),
        .library(name: "Index", targets: ["Index"]),
        .library(name: "Ingest", targets: ["Ingest"]),
        .library(name: "Search", targets: ["Search"]),
        .library(name: "Snippets", targets: ["Snippets"]),
        // Seeded randomness shared by the tests and the benchmarks' synthetic data.
        .library(name: "TestSupport", targets: ["TestSupport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        .systemLibrary(
            name: "CLZ4", pkgConfig: "liblz4",
            providers: [.apt(["liblz4-dev"]), .brew(["lz4"])]),
        .target(name: "CUnicodeTables"),
        .target(name: "Analysis", dependencies: ["CUnicodeTables"]),
        .target(name: "Index", dependencies: ["Analysis", "CLZ4"]),
        .target(name: "Ingest", dependencies: ["Index", "CLibXML2"]),
        .target(name: "Search", dependencies: ["Index", "Analysis"]),
        .target(name: "Snippets", dependencies: ["Search", "Index", "Analysis"]),
        .target(name: "Citex", dependencies: ["Ingest", "Index", "Search", "Snippets", "Analysis"]),
        .executableTarget(
            name: "CitexCLI",
            dependencies: ["Citex", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "AnalysisTests", dependencies: ["Analysis", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "IndexTests", dependencies: ["Index", "TestSupport"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "SearchTests", dependencies: ["Search", "TestSupport"]),
        .testTarget(name: "SnippetsTests", dependencies: ["Snippets", "TestSupport"]),
        .testTarget(name: "CitexTests", dependencies: ["Citex", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
