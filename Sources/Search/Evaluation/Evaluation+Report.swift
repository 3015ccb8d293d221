/// Text forms of an evaluation for the CLI to print.
extension Evaluation {
    /// trec_eval's `-q` layout (`measure<TAB>query<TAB>value`, then the means under `all`), so
    /// output diffs directly against trec_eval's. Values have 4 decimals, as trec_eval prints.
    /// - Parameter perQuery: with each query's lines (`-q`), or only the means.
    public func trecEvalLines(perQuery: Bool = true) -> [String] {
        func lines(_ id: String, _ scores: Scores) -> [String] {
            [
                "ndcg_cut_10\t\(id)\t\(Self.fixed(scores.ndcgAt10))",
                "map_cut_100\t\(id)\t\(Self.fixed(scores.averagePrecisionAt100))",
                "recall_100\t\(id)\t\(Self.fixed(scores.recallAt100))",
            ]
        }
        return (perQuery ? queries.flatMap { lines($0.id, $0.scores) } : []) + ["num_q\tall\t\(queries.count)"] + lines("all", mean)
    }

    /// `value` with four decimals, rounded half away from zero (no Foundation formatting).
    static func fixed(_ value: Double) -> String {
        let scaled = Int((abs(value) * 10_000).rounded())
        let sign = value < 0 && scaled > 0 ? "-" : ""
        let fraction = String(scaled % 10_000)
        return "\(sign)\(scaled / 10_000).\(String(repeating: "0", count: 4 - fraction.count))\(fraction)"
    }
}
