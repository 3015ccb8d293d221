import Search
import Testing

/// Agreement with trec_eval on a random run: the expected values come from pytrec_eval-terrier
/// 0.5.11 (trec_eval's measure code) on exactly this text. Query 4 returns 8 documents; query 5
/// has judgments but nothing relevant.
struct TRECEvalAgreementTests {
    static let qrels = """
        1 0 d11 3
        1 0 d12 0
        1 0 d19 3
        1 0 d20 0
        1 0 d25 2
        1 0 d28 1
        1 0 d29 2
        1 0 d30 4
        1 0 d32 1
        1 0 d35 0
        1 0 d38 4
        1 0 d39 1
        2 0 d0 1
        2 0 d14 0
        2 0 d16 2
        2 0 d17 0
        2 0 d18 0
        2 0 d2 1
        2 0 d20 0
        2 0 d26 2
        2 0 d31 0
        2 0 d32 4
        2 0 d35 0
        2 0 d5 1
        3 0 d0 0
        3 0 d12 0
        3 0 d24 2
        3 0 d25 4
        3 0 d26 1
        3 0 d28 3
        3 0 d32 1
        3 0 d35 3
        3 0 d36 1
        3 0 d6 0
        3 0 d7 3
        3 0 d8 1
        4 0 d10 3
        4 0 d11 0
        4 0 d12 0
        4 0 d14 0
        4 0 d15 0
        4 0 d19 0
        4 0 d24 1
        4 0 d28 4
        4 0 d34 1
        4 0 d35 4
        4 0 d37 2
        4 0 d9 2
        5 0 d14 0
        5 0 d30 0
        5 0 d35 0
        """

    static let run = """
        1 Q0 d28 1 100.00 ref
        1 Q0 d10 2 98.75 ref
        1 Q0 d0 3 97.50 ref
        1 Q0 d33 4 96.25 ref
        1 Q0 d4 5 95.00 ref
        1 Q0 d3 6 93.75 ref
        1 Q0 d2 7 92.50 ref
        1 Q0 d12 8 91.25 ref
        1 Q0 d15 9 90.00 ref
        1 Q0 d19 10 88.75 ref
        1 Q0 d37 11 87.50 ref
        1 Q0 d24 12 86.25 ref
        1 Q0 d14 13 85.00 ref
        1 Q0 d38 14 83.75 ref
        1 Q0 d27 15 82.50 ref
        1 Q0 d18 16 81.25 ref
        1 Q0 d6 17 80.00 ref
        1 Q0 d16 18 78.75 ref
        1 Q0 d7 19 77.50 ref
        1 Q0 d20 20 76.25 ref
        1 Q0 d9 21 75.00 ref
        1 Q0 d31 22 73.75 ref
        1 Q0 d29 23 72.50 ref
        1 Q0 d36 24 71.25 ref
        1 Q0 d25 25 70.00 ref
        2 Q0 d30 1 100.00 ref
        2 Q0 d24 2 98.75 ref
        2 Q0 d25 3 97.50 ref
        2 Q0 d26 4 96.25 ref
        2 Q0 d4 5 95.00 ref
        2 Q0 d12 6 93.75 ref
        2 Q0 d17 7 92.50 ref
        2 Q0 d21 8 91.25 ref
        2 Q0 d5 9 90.00 ref
        2 Q0 d9 10 88.75 ref
        2 Q0 d10 11 87.50 ref
        2 Q0 d0 12 86.25 ref
        2 Q0 d13 13 85.00 ref
        2 Q0 d38 14 83.75 ref
        2 Q0 d3 15 82.50 ref
        2 Q0 d35 16 81.25 ref
        2 Q0 d7 17 80.00 ref
        2 Q0 d22 18 78.75 ref
        2 Q0 d37 19 77.50 ref
        2 Q0 d28 20 76.25 ref
        2 Q0 d1 21 75.00 ref
        2 Q0 d14 22 73.75 ref
        2 Q0 d15 23 72.50 ref
        2 Q0 d31 24 71.25 ref
        2 Q0 d6 25 70.00 ref
        3 Q0 d13 1 100.00 ref
        3 Q0 d28 2 98.75 ref
        3 Q0 d16 3 97.50 ref
        3 Q0 d0 4 96.25 ref
        3 Q0 d21 5 95.00 ref
        3 Q0 d18 6 93.75 ref
        3 Q0 d24 7 92.50 ref
        3 Q0 d4 8 91.25 ref
        3 Q0 d32 9 90.00 ref
        3 Q0 d2 10 88.75 ref
        3 Q0 d6 11 87.50 ref
        3 Q0 d34 12 86.25 ref
        3 Q0 d20 13 85.00 ref
        3 Q0 d7 14 83.75 ref
        3 Q0 d36 15 82.50 ref
        3 Q0 d19 16 81.25 ref
        3 Q0 d11 17 80.00 ref
        3 Q0 d23 18 78.75 ref
        3 Q0 d33 19 77.50 ref
        3 Q0 d14 20 76.25 ref
        3 Q0 d31 21 75.00 ref
        3 Q0 d38 22 73.75 ref
        3 Q0 d15 23 72.50 ref
        3 Q0 d35 24 71.25 ref
        3 Q0 d12 25 70.00 ref
        4 Q0 d16 1 100.00 ref
        4 Q0 d26 2 98.75 ref
        4 Q0 d31 3 97.50 ref
        4 Q0 d18 4 96.25 ref
        4 Q0 d33 5 95.00 ref
        4 Q0 d11 6 93.75 ref
        4 Q0 d4 7 92.50 ref
        4 Q0 d8 8 91.25 ref
        5 Q0 d28 1 100.00 ref
        5 Q0 d21 2 98.75 ref
        5 Q0 d33 3 97.50 ref
        5 Q0 d8 4 96.25 ref
        5 Q0 d2 5 95.00 ref
        5 Q0 d1 6 93.75 ref
        5 Q0 d30 7 92.50 ref
        5 Q0 d22 8 91.25 ref
        5 Q0 d19 9 90.00 ref
        5 Q0 d37 10 88.75 ref
        5 Q0 d34 11 87.50 ref
        5 Q0 d0 12 86.25 ref
        5 Q0 d31 13 85.00 ref
        5 Q0 d20 14 83.75 ref
        5 Q0 d35 15 82.50 ref
        5 Q0 d15 16 81.25 ref
        5 Q0 d25 17 80.00 ref
        5 Q0 d9 18 78.75 ref
        5 Q0 d10 19 77.50 ref
        5 Q0 d4 20 76.25 ref
        5 Q0 d23 21 75.00 ref
        5 Q0 d27 22 73.75 ref
        5 Q0 d14 23 72.50 ref
        5 Q0 d11 24 71.25 ref
        5 Q0 d29 25 70.00 ref
        """

    /// pytrec_eval-terrier: query → (ndcg_cut_10, map_cut_100, recall_100).
    static let expected: [String: (Double, Double, Double)] = [
        "1": (0.1588872226, 0.1986887509, 0.5555555556),
        "2": (0.1563268234, 0.1203703704, 0.5000000000),
        "3": (0.2657318031, 0.2208994709, 0.6666666667),
        "4": (0.0000000000, 0.0000000000, 0.0000000000),
        "5": (0.0000000000, 0.0000000000, 0.0000000000),
    ]

    @Test func perQueryMeasuresMatchTrecEval() throws {
        let evaluation = Evaluation(run: try TRECRun(parsing: Self.run), qrels: try Qrels(parsing: Self.qrels))
        #expect(evaluation.queries.count == Self.expected.count)
        for query in evaluation.queries {
            let (ndcg, ap, recall) = try #require(Self.expected[query.id])
            #expect(abs(query.scores.ndcgAt10 - ndcg) < 1e-9, "nDCG@10 of query \(query.id)")
            #expect(abs(query.scores.averagePrecisionAt100 - ap) < 1e-9, "AP@100 of query \(query.id)")
            #expect(abs(query.scores.recallAt100 - recall) < 1e-9, "R@100 of query \(query.id)")
        }
    }
}
