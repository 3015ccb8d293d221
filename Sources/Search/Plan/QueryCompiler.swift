import Analysis
import Index

/// Resolves a parsed query against a collection: analyses words, looks up idf, expands
/// prefixes, and shapes the boolean structure the evaluators run.
struct QueryCompiler {
    let statistics: QueryStatistics
    let analyzer: Analyzer
    let options: QueryOptions
    private let query: QueryNode
    /// Whether stopwords outside phrases may be dropped (`droppingStopwords`), once asked.
    private var dropsStopwords: Bool?
    /// Human-readable remarks (a capped prefix expansion).
    var notes: [String] = []

    /// Most terms one prefix may scan before the cap picks the most frequent.
    static let prefixScanLimit = 4096

    init(statistics: QueryStatistics, analyzer: Analyzer, options: QueryOptions, query: QueryNode) {
        self.statistics = statistics
        self.analyzer = analyzer
        self.options = options
        self.query = query
    }

    /// Whether stopwords outside phrases may be dropped: not when the query has nothing
    /// else to search for. Decided when the first droppable stopword is met: a query
    /// without one is not analysed twice.
    mutating func droppingStopwords() -> Bool {
        if let known = dropsStopwords { return known }
        let drops = options.stopwordPolicy == .drop && Self.hasContent(query, analyzer: analyzer)
        dropsStopwords = drops
        return drops
    }

    /// Whether the query looks for something besides stopwords (a phrase, a prefix, or a
    /// word that is not a stopword, outside exclusions).
    private static func hasContent(_ node: QueryNode, analyzer: Analyzer) -> Bool {
        switch node {
        case .word(let text, _, _):
            return analyzer.queryTerms(text).contains { !$0.isStopword }
        case .phrase, .prefix:
            return true
        case .filter, .excluded, .not:
            return false
        case .required(let child, _):
            return hasContent(child, analyzer: analyzer)
        case .and(let children), .or(let children), .sequence(let children, _):
            return children.contains { hasContent($0, analyzer: analyzer) }
        }
    }

    /// The plan for a query; `.nothing` when nothing in it can match.
    /// - Throws: `SearchError` for a query with no positive clause (`-a`, `NOT a`, `path:x`
    ///   alone) or a disallowed alternative (`a OR -b`).
    static func compile(
        _ query: QueryNode, statistics: QueryStatistics, analyzer: Analyzer, options: QueryOptions
    ) throws(SearchError) -> (plan: PlanNode, notes: [String]) {
        var compiler = QueryCompiler(statistics: statistics, analyzer: analyzer, options: options, query: query)
        let plan = try compiler.node(query)
        return (plan ?? .nothing, compiler.notes)
    }

    /// `nil` when the node analyses to nothing at all (punctuation, dropped stopwords).
    /// - Parameter droppable: a stopword here may be dropped or down-weighted (it was not
    ///   required or excluded explicitly).
    private mutating func node(_ node: QueryNode, droppable: Bool = true) throws(SearchError) -> PlanNode? {
        switch node {
        case .word(let text, let field, _):
            return word(text, fields: fields(field), droppable: droppable)
        case .phrase(let text, let field, _):
            return phrase(text, fields: fields(field))
        case .prefix(let text, let field, let column):
            return try prefix(text, fields: fields(field), column: column)
        case .sequence(let children, let column):
            let role: BooleanClause.Occur = options.defaultOperator == .all ? .must : .should
            return try boolean(children.map { (role, $0) }, column: column)
        case .and(let children):
            return try boolean(children.map { (.must, $0) }, column: node.column)
        case .or(let children):
            for child in children {
                switch child {
                case .excluded(_, let column), .not(_, let column):
                    throw .query(at: column, "an exclusion cannot be an alternative of OR (write 'a AND NOT b')")
                case .filter(_, let column):
                    throw .query(at: column, "path: and lang: cannot be alternatives of OR")
                default:
                    break
                }
            }
            return try boolean(children.map { (.should, $0) }, column: node.column, alternatives: true)
        case .required, .excluded, .not, .filter:
            return try boolean([(.should, node)], column: node.column)
        }
    }

    private func fields(_ field: IndexField?) -> [Int] {
        guard let field else { return Array(IndexField.allCases.indices) }
        return IndexField.allCases.firstIndex(of: field).map { [$0] } ?? []
    }

    /// Builds a boolean from clauses with their default role, unwrapping `+`, `-`, `NOT`
    /// and filters, and simplifying (a lone positive clause is returned as itself).
    /// - Parameter alternatives: the children are OR alternatives, where `+x` means just `x`.
    private mutating func boolean(
        _ children: [(BooleanClause.Occur, QueryNode)], column: Int, alternatives: Bool = false
    ) throws(SearchError) -> PlanNode? {
        var clauses: [(occur: BooleanClause.Occur, node: PlanNode)] = []
        var filters = FilterSet()
        var hasPositive = false
        var hasNegative = false
        for (defaultRole, child) in children {
            var role = defaultRole
            var inner = child
            var explicit = false
            switch child {
            case .required(let node, _):
                (role, inner, explicit) = (alternatives ? .should : .must, node, true)
            case .excluded(let node, _), .not(let node, _):
                (role, inner, explicit) = (.mustNot, node, true)
            case .filter(.path(let value), _):
                filters.paths.append(value)
                continue
            case .filter(.language(let value), _):
                filters.languages.append(value)
                continue
            default:
                break
            }
            if case .word(let text, let field, _) = inner, options.syntax == .plain {
                for term in analyzer.queryTerms(text) where !term.isCompoundWhole {
                    if let plan = termClause(term, fields: fields(field), droppable: !explicit) {
                        clauses.append((role, plan))
                        hasPositive = true
                    }
                }
                continue
            }
            guard let plan = try node(inner, droppable: !explicit) else { continue }
            if role == .mustNot { hasNegative = true } else { hasPositive = true }
            clauses.append((role, plan))
        }
        if !hasPositive {
            if hasNegative || !filters.isEmpty {
                throw .query(at: column, "nothing to search for: add a word besides exclusions and filters")
            }
            return nil
        }
        if clauses.contains(where: { $0.occur == .must && $0.node == .nothing }) { return .nothing }
        clauses.removeAll { $0.node == .nothing && $0.occur != .must }
        if !clauses.contains(where: { $0.occur != .mustNot }) { return .nothing }
        if clauses.count == 1, filters.isEmpty { return clauses[0].node }
        return .boolean(BooleanClause(clauses: clauses, filters: filters))
    }
}
