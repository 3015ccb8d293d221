/// The analysed terms and phrases a query looks for (exclusions left out), so snippets can
/// highlight exactly what matched: prefixes appear as the terms they expanded to.
public struct QueryTerms: Sendable, Equatable {
    public var terms: [String]
    public var phrases: [[String]]

    public init(terms: [String] = [], phrases: [[String]] = []) {
        self.terms = terms
        self.phrases = phrases
    }

    /// Collects the positive leaves of a plan, each once, in query order.
    init(_ plan: PlanNode) {
        self.init()
        collect(plan)
    }

    private mutating func collect(_ node: PlanNode) {
        switch node {
        case .term(let clause):
            if !terms.contains(clause.term) { terms.append(clause.term) }
        case .phrase(let clause):
            if !phrases.contains(clause.terms) { phrases.append(clause.terms) }
        case .boolean(let clause):
            for (occur, child) in clause.clauses where occur != .mustNot {
                collect(child)
            }
        case .nothing:
            break
        }
    }
}
