import Index

/// Turns query text into a `QueryNode` tree.
///
/// Grammar (operators bind tighter than adjacency, `NOT` tighter than `AND`, `AND`
/// tighter than `OR`):
/// ```
/// query     := sequence
/// sequence  := or+                         clauses side by side: the default operator
/// or        := and ("OR" and)*
/// and       := not ("AND" not)*
/// not       := "NOT" not | modified
/// modified  := ("+" | "-")? primary
/// primary   := "(" sequence ")" | field? (word | word"*" | "\"phrase\"")
/// field     := ("title" | "section" | "text" | "path" | "lang") ":"
/// ```
/// So `a OR b c` is `(a OR b) c`, and `NOT a AND b OR c` is `((NOT a) AND b) OR c`.
/// Every error names the column where the query broke; the parser never traps.
public enum QueryParser {
    /// How the query text is read.
    public enum Syntax: Sendable, Equatable {
        /// The query language above.
        case full
        /// A bag of words with no syntax: quotes, `+`, `-`, `:`, `?`, parentheses and
        /// capitalised operators are ordinary text (for pasted sentences and test collections).
        case plain
    }

    /// Parses `text`.
    /// - Throws: `SearchError` of kind `.query(column:)` when the text is malformed
    ///   (never in `.plain` syntax).
    public static func parse(_ text: String, syntax: Syntax = .full) throws(SearchError) -> QueryNode {
        switch syntax {
        case .plain:
            return plain(text)
        case .full:
            var parser = Parser(tokens: try QueryLexer.tokens(of: text))
            return try parser.query()
        }
    }

    /// Whitespace-separated chunks as words; the analyzer drops the punctuation.
    private static func plain(_ text: String) -> QueryNode {
        var words: [QueryNode] = []
        var column = 1
        var start: Int?
        var current = ""
        for character in text {
            if character.isWhitespace {
                if let wordStart = start {
                    words.append(.word(current, field: nil, column: wordStart))
                    current = ""
                    start = nil
                }
            } else {
                if start == nil { start = column }
                current.append(character)
            }
            column += 1
        }
        if let wordStart = start {
            words.append(.word(current, field: nil, column: wordStart))
        }
        return .sequence(words, column: 1)
    }
}

/// The recursive-descent core over the token list.
private struct Parser {
    let tokens: [QueryToken]
    var index = 0

    init(tokens: [QueryToken]) {
        self.tokens = tokens
    }

    private var current: QueryToken? { index < tokens.count ? tokens[index] : nil }

    /// Column just past the last token, for errors at the end of the query.
    private var endColumn: Int { (tokens.last?.column ?? 0) + 1 }

    mutating func query() throws(SearchError) -> QueryNode {
        guard !tokens.isEmpty else { throw .query(at: 1, "the query is empty") }
        let node = try sequence(column: 1)
        if let stray = current {
            throw .query(at: stray.column, "unmatched ')'")
        }
        return node
    }

    private mutating func sequence(column: Int) throws(SearchError) -> QueryNode {
        var clauses: [QueryNode] = []
        while let token = current, token.kind != .closeParenthesis {
            clauses.append(try or())
        }
        return .sequence(clauses, column: column)
    }

    private mutating func or() throws(SearchError) -> QueryNode {
        var children = [try and()]
        while let token = current, token.kind == .or {
            index += 1
            children.append(try operand(of: "OR", at: token.column) { (p: inout Parser) throws(SearchError) in try p.and() })
        }
        return children.count == 1 ? children[0] : .or(children)
    }

    private mutating func and() throws(SearchError) -> QueryNode {
        var children = [try not()]
        while let token = current, token.kind == .and {
            index += 1
            children.append(try operand(of: "AND", at: token.column) { (p: inout Parser) throws(SearchError) in try p.not() })
        }
        return children.count == 1 ? children[0] : .and(children)
    }

    private mutating func not() throws(SearchError) -> QueryNode {
        guard let token = current, token.kind == .not else { return try modified() }
        index += 1
        let child = try operand(of: "NOT", at: token.column) { (p: inout Parser) throws(SearchError) in try p.not() }
        return .not(child, column: token.column)
    }

    /// The right-hand side of an operator, with a clear error when it is missing.
    private mutating func operand(
        of name: String, at column: Int, _ parse: (inout Parser) throws(SearchError) -> QueryNode
    ) throws(SearchError) -> QueryNode {
        switch current?.kind {
        case nil, .closeParenthesis?, .and?, .or?:
            throw .query(at: column, "\(name) needs a term after it")
        default:
            return try parse(&self)
        }
    }

    private mutating func modified() throws(SearchError) -> QueryNode {
        guard let token = current else { throw .query(at: endColumn, "a term is missing") }
        switch token.kind {
        case .plus:
            index += 1
            return .required(try primary(), column: token.column)
        case .minus:
            index += 1
            return .excluded(try primary(), column: token.column)
        default:
            return try primary()
        }
    }

    private mutating func primary() throws(SearchError) -> QueryNode {
        guard let token = current else { throw .query(at: endColumn, "a term is missing") }
        index += 1
        switch token.kind {
        case .word(let text):
            return try word(text, field: nil, column: token.column)
        case .phrase(let text):
            return .phrase(text, field: nil, column: token.column)
        case .field(let name):
            return try fielded(name, column: token.column)
        case .openParenthesis:
            let group = try sequence(column: token.column)
            guard current?.kind == .closeParenthesis else {
                throw .query(at: token.column, "unclosed parenthesis")
            }
            index += 1
            if case .sequence(let clauses, _) = group, clauses.isEmpty {
                throw .query(at: token.column, "empty parentheses")
            }
            return group
        case .closeParenthesis:
            throw .query(at: token.column, "unmatched ')'")
        case .and, .or:
            throw .query(at: token.column, "\(token.kind == .and ? "AND" : "OR") needs a term before it")
        case .not, .plus, .minus:
            throw .query(at: token.column, "an operator cannot follow '+' or '-'")
        }
    }

    private func word(_ text: String, field: IndexField?, column: Int) throws(SearchError) -> QueryNode {
        guard text.hasSuffix("*") else { return .word(text, field: field, column: column) }
        var stem = Substring(text)
        while stem.last == "*" {
            stem.removeLast()
        }
        guard !stem.isEmpty else { throw .query(at: column, "'*' needs a prefix before it") }
        return .prefix(String(stem), field: field, column: column)
    }

    private mutating func fielded(_ name: String, column: Int) throws(SearchError) -> QueryNode {
        guard let value = current else { throw .query(at: column, "'\(name):' needs a value") }
        let text: String
        let quoted: Bool
        switch value.kind {
        case .word(let word):
            (text, quoted) = (word, false)
        case .phrase(let phrase):
            (text, quoted) = (phrase, true)
        default:
            throw .query(at: column, "'\(name):' needs a word or a quoted phrase after it")
        }
        index += 1
        switch name {
        case "path":
            return .filter(.path(text), column: column)
        case "lang":
            return .filter(.language(text), column: column)
        default:
            guard let field = IndexField.allCases.first(where: { $0.description == name }) else {
                throw .query(at: column, "unknown field '\(name)' (fields: title, section, text, path, lang)")
            }
            return quoted ? .phrase(text, field: field, column: column) : try word(text, field: field, column: column)
        }
    }
}
