import Index

/// The parsed form of a query, before analysis: what the person typed, structured.
///
/// Words keep their raw text; the analyzer turns them into index terms when the query is
/// compiled against a segment, so the tree says what was asked, not how it is looked up.
/// `column` is where the construct starts (1-based, in characters), for later errors.
public indirect enum QueryNode: Sendable, Equatable {
    /// A word, looked up through the analyzer (`field == nil`: in every field).
    case word(String, field: IndexField?, column: Int)
    /// Words that must appear in this order, adjacent (`"…"`).
    case phrase(String, field: IndexField?, column: Int)
    /// Every term starting with this (folded) prefix (`prefix*`).
    case prefix(String, field: IndexField?, column: Int)
    /// `path:` and `lang:`.
    case filter(QueryFilter, column: Int)
    /// `+x`: must match.
    case required(QueryNode, column: Int)
    /// `-x`: must not match.
    case excluded(QueryNode, column: Int)
    /// `NOT x`: must not match (same meaning as `-x`, different spelling).
    case not(QueryNode, column: Int)
    /// `x AND y AND …`
    case and([QueryNode])
    /// `x OR y OR …`
    case or([QueryNode])
    /// Clauses side by side, combined by the default operator (a top-level query,
    /// or the inside of parentheses).
    case sequence([QueryNode], column: Int)

    /// Where the construct starts.
    public var column: Int {
        switch self {
        case .word(_, _, let column), .phrase(_, _, let column), .prefix(_, _, let column),
            .filter(_, let column), .required(_, let column), .excluded(_, let column),
            .not(_, let column), .sequence(_, let column):
            column
        case .and(let children), .or(let children):
            children.first?.column ?? 1
        }
    }
}

extension QueryNode: CustomStringConvertible {
    /// A compact, unambiguous rendering (`(or a (and b "c d"))`) for tests and `--explain`.
    public var description: String {
        switch self {
        case .word(let text, let field, _): Self.fieldPrefix(field) + text
        case .phrase(let text, let field, _): Self.fieldPrefix(field) + "\"\(text)\""
        case .prefix(let text, let field, _): Self.fieldPrefix(field) + text + "*"
        case .filter(.path(let value), _): "path:" + value
        case .filter(.language(let value), _): "lang:" + value
        case .required(let child, _): "+" + child.description
        case .excluded(let child, _): "-" + child.description
        case .not(let child, _): "(not \(child))"
        case .and(let children): "(and \(children.map(\.description).joined(separator: " ")))"
        case .or(let children): "(or \(children.map(\.description).joined(separator: " ")))"
        case .sequence(let children, _): "(\(children.map(\.description).joined(separator: " ")))"
        }
    }

    private static func fieldPrefix(_ field: IndexField?) -> String {
        field.map { $0.description + ":" } ?? ""
    }
}
