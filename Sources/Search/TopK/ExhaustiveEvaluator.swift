/// Scores every passage the query matches and keeps the best: the reference that pruned
/// evaluation must agree with exactly, and the way to count every match.
enum ExhaustiveEvaluator {
    static func collect(
        _ plan: PlanNode, context: ScoringContext, segment: Int, into collector: inout TopKCollector
    ) {
        guard let root = context.scorer(for: plan) else { return }
        let source = context.source
        var passage = root.passage
        while passage != .end {
            if !source.hasDeletions || !source.isDeleted(passage) {
                let score = root.score()
                collector.offer(
                    SearchHit(segment: segment, passage: passage, document: source.document(of: passage), score: score))
            }
            passage = root.advance(to: passage.successor)
        }
    }
}
