// swift-tools-version: 6.1
import PackageDescription

/// Measurements of the Analysis module: throughput (tokenize + fold, and + Porter2) over real
/// text, and the effect of analysis choices on Cranfield relevance with a plain in-memory BM25.
/// `Sources/Analysis` and `Sources/Evaluation` are symlinks to the main package's code, so
/// this measures exactly that code without making it a product of the main package.
///
///     swift run -c release AnalysisBench [DIR|FILE ...]
///     swift run -c release AnalysisRelevance [CRANFIELD-DIR]
let package = Package(
    name: "AnalysisBench",
    platforms: [.macOS(.v15)],
    targets: [
        .target(name: "Analysis"),
        .target(name: "Evaluation"),
        .executableTarget(name: "AnalysisBench", dependencies: ["Analysis"]),
        .executableTarget(name: "AnalysisRelevance", dependencies: ["Analysis", "Evaluation"]),
    ],
    swiftLanguageModes: [.v6]
)
