import Foundation
import Search
import Testing

/// The evaluation measures on small cases worked out by hand.
struct EvaluationTests {
    static let qrels = """
        # query 1: graded judgments
        1 0 d1 3
        1 0 d2 2
        1 0 d3 0
        1 0 d4 1
        2 0 d9 1
        """

    /// q1: d3 (judged 0), d1 (3), d5 (unjudged), d4 (1); q2 gets nothing; q7 is unjudged.
    static let run = """
        1 Q0 d3 1 9.0 citex
        1 Q0 /corpus/docs/d1.xml#p2 2 8.0 citex
        1 Q0 d5 3 7.5 citex
        1 Q0 d4 4 7.0 citex
        1 Q0 /corpus/docs/d1.xml#p7 5 6.0 citex
        7 Q0 d1 1 1.0 citex
        """

    @Test func measuresMatchHandComputedValues() throws {
        let evaluation = Evaluation(run: try TRECRun(parsing: Self.run), qrels: try Qrels(parsing: Self.qrels))
        let first = try #require(evaluation.queries.first)
        #expect(first.id == "1" && first.relevant == 3 && first.retrieved == 4)
        // DCG = 3/log2(3) + 1/log2(5); ideal = 3 + 2/log2(3) + 1/log2(4).
        #expect(abs(first.scores.ndcgAt10 - 0.48793_24590) < 1e-9)
        // Relevant at ranks 2 and 4: (1/2 + 2/4) / 3 relevant.
        #expect(abs(first.scores.averagePrecisionAt100 - 1.0 / 3) < 1e-12)
        #expect(abs(first.scores.recallAt100 - 2.0 / 3) < 1e-12)
    }

    @Test func judgedQueriesWithoutResultsScoreZeroAndCountInTheMean() throws {
        let evaluation = Evaluation(run: try TRECRun(parsing: Self.run), qrels: try Qrels(parsing: Self.qrels))
        #expect(evaluation.queries.map(\.id) == ["1", "2"])
        #expect(evaluation.queries[1].scores == .init(ndcgAt10: 0, averagePrecisionAt100: 0, recallAt100: 0))
        #expect(abs(evaluation.mean.recallAt100 - 1.0 / 3) < 1e-12)
        #expect(evaluation.unjudgedQueries == ["7"])
    }

    @Test func cutoffsApplyPerMeasure() {
        // A grade-1 document first, ten misses, then a grade-2 document at rank 12.
        let ranked = ["r1"] + (1...10).map { "x\($0)" } + ["r2"]
        let judgments = ["r1": 1, "r2": 2]
        // nDCG@10 sees only r1: 1 / (2 + 1/log2(3)).
        #expect(abs(RelevanceMeasures.ndcg(ranked, judgments: judgments, cutoff: 10) - 0.38009_37667) < 1e-9)
        // AP@100 sees both: (1/1 + 2/12) / 2.
        #expect(abs(RelevanceMeasures.averagePrecision(ranked, judgments: judgments, cutoff: 100) - (1 + 2.0 / 12) / 2) < 1e-12)
        #expect(RelevanceMeasures.recall(ranked, judgments: judgments, cutoff: 10) == 0.5)
        #expect(RelevanceMeasures.recall(ranked, judgments: judgments, cutoff: 100) == 1)
    }

    @Test func aPerfectRankingScoresOne() {
        let judgments = ["a": 4, "b": 2, "c": 1, "z": 0]
        #expect(RelevanceMeasures.ndcg(["a", "b", "c"], judgments: judgments, cutoff: 10) == 1)
        #expect(RelevanceMeasures.averagePrecision(["a", "b", "c"], judgments: judgments, cutoff: 100) == 1)
        #expect(RelevanceMeasures.ndcg([], judgments: ["z": 0], cutoff: 10) == 0)
    }

    @Test func passagesOfOneDocumentCountOnceAtTheirBestPlace() throws {
        let run = try TRECRun(parsing: """
            5 Q0 a/docs/184.xml#p3 2 3.0 t
            5 Q0 a/docs/184.xml#p1 1 4.0 t
            5 Q0 b 3 3.0 t
            5 Q0 c 4 3.0 t
            """)
        // Score ties fall back to rank.
        #expect(run.rankedDocuments("5") == ["184", "b", "c"])
        #expect(run.rankedDocuments("nope") == [])
    }

    @Test func fullTiesFallBackToDescendingDocumentIDsAsInTrecEval() throws {
        let run = try TRECRun(parsing: "9 Q0 a 1 1.0 t\n9 Q0 c 1 1.0 t\n9 Q0 b 1 1.0 t\n")
        #expect(run.rankedDocuments("9") == ["c", "b", "a"])
    }

    @Test func negativeGradesGainNothingAndAreNotRelevant() {
        let judgments = ["a": -1, "b": 2]
        #expect(RelevanceMeasures.ndcg(["a", "b"], judgments: judgments, cutoff: 10) == 1 / log2(3))
        #expect(RelevanceMeasures.recall(["a"], judgments: judgments, cutoff: 100) == 0)
    }

    @Test(arguments: [
        ("…/docs/184.xml#p3", "184"), ("184", "184"), ("docs/page.html", "page"), ("file:///x/y/z.txt", "z"),
        ("a.b", "a.b"),
    ])
    func documentIDs(field: String, id: String) {
        #expect(TRECRun.documentID(Substring(field)) == id)
    }

    @Test func malformedLinesNameTheirLine() {
        #expect(throws: SearchError(file: "q.txt", line: 2, "relevance `high` is not an integer")) {
            try Qrels(parsing: "1 0 d1 1\n1 0 d2 high\n", source: "q.txt")
        }
        #expect(throws: SearchError.self) { try Qrels(parsing: "1 0 d1 1\n1 0 d1 2\n") }
        #expect(throws: SearchError(file: "run", line: 1, "expected 6 fields `qid Q0 doc rank score tag`, found 5")) {
            try TRECRun(parsing: "1 Q0 d1 1 2.0\n")
        }
        #expect(throws: SearchError.self) { try TRECRun(parsing: "1 Q0 d1 1 nan t\n") }
    }
}

/// The trec_eval-style text report.
struct EvaluationReportTests {
    @Test func linesFollowTrecEvalLayout() throws {
        let evaluation = Evaluation(run: try TRECRun(parsing: EvaluationTests.run),
                                    qrels: try Qrels(parsing: EvaluationTests.qrels))
        let lines = evaluation.trecEvalLines()
        #expect(lines.prefix(3) == ["ndcg_cut_10\t1\t0.4879", "map_cut_100\t1\t0.3333", "recall_100\t1\t0.6667"])
        #expect(lines.contains("num_q\tall\t2"))
        #expect(lines.last == "recall_100\tall\t0.3333")
    }
}
