// swift-tools-version: 6.1
import PackageDescription

/// Throughput of the Analysis module (tokenize + fold, and + Porter2) over real text.
/// `Sources/Analysis` is a symlink to the main package's module, so this measures exactly
/// that code without making Analysis a product of the main package.
///
///     swift run -c release AnalysisBench [DIR|FILE ...]
let package = Package(
    name: "AnalysisBench",
    platforms: [.macOS(.v15)],
    targets: [
        .target(name: "Analysis"),
        .executableTarget(name: "AnalysisBench", dependencies: ["Analysis"]),
    ],
    swiftLanguageModes: [.v6]
)
