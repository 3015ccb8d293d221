/// Splits query text into tokens; the only place that knows the characters of the syntax.
///
/// `AND`, `OR` and `NOT` are operators only in capitals (lower-case `and` is a word), and
/// `+`/`-` are modifiers only directly in front of a term (`e-mail` is one word).
struct QueryLexer {
    private let characters: [Character]
    private var index = 0

    init(_ text: String) {
        characters = Array(text)
    }

    /// All tokens of the text.
    /// - Throws: `SearchError` for an unclosed quote, an empty phrase, a dangling `+`/`-`
    ///   or a field name without a value.
    static func tokens(of text: String) throws(SearchError) -> [QueryToken] {
        var lexer = QueryLexer(text)
        var tokens: [QueryToken] = []
        while let token = try lexer.next() {
            tokens.append(token)
        }
        return tokens
    }

    private mutating func next() throws(SearchError) -> QueryToken? {
        while index < characters.count, characters[index].isWhitespace {
            index += 1
        }
        guard index < characters.count else { return nil }
        let column = index + 1
        let character = characters[index]
        switch character {
        case "(":
            index += 1
            return QueryToken(kind: .openParenthesis, column: column)
        case ")":
            index += 1
            return QueryToken(kind: .closeParenthesis, column: column)
        case "\"":
            return try phrase()
        case "+", "-":
            index += 1
            guard index < characters.count, startsTerm(characters[index]) else {
                throw .query(at: column, "'\(character)' must be directly followed by a term")
            }
            return QueryToken(kind: character == "+" ? .plus : .minus, column: column)
        default:
            return try word()
        }
    }

    private func startsTerm(_ character: Character) -> Bool {
        !character.isWhitespace && character != ")" && character != "+" && character != "-"
    }

    /// The characters in `range` as a string, appended one by one: `String(characters[range])`
    /// goes through the generic sequence initialiser, whose dynamic casts cost more than the
    /// rest of parsing a query (about 17,000 instructions a call).
    private func text(_ range: Range<Int>) -> String {
        var text = ""
        for character in characters[range] {
            text.append(character)
        }
        return text
    }

    private mutating func phrase() throws(SearchError) -> QueryToken {
        let column = index + 1
        index += 1
        let start = index
        while index < characters.count, characters[index] != "\"" {
            index += 1
        }
        guard index < characters.count else {
            throw .query(at: column, "unclosed quote")
        }
        let text = text(start..<index)
        index += 1
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw .query(at: column, "empty phrase")
        }
        return QueryToken(kind: .phrase(text), column: column)
    }

    private mutating func word() throws(SearchError) -> QueryToken {
        let column = index + 1
        let start = index
        while index < characters.count, !Self.endsWord(characters[index]) {
            if characters[index] == ":", fieldName(start..<index) {
                let name = text(start..<index)
                index += 1
                guard index < characters.count, !characters[index].isWhitespace, characters[index] != ")" else {
                    throw .query(at: column, "'\(name):' needs a word or a quoted phrase after it")
                }
                return QueryToken(kind: .field(name), column: column)
            }
            index += 1
        }
        let text = text(start..<index)
        let kind: QueryToken.Kind =
            switch text {
            case "AND": .and
            case "OR": .or
            case "NOT": .not
            default: .word(text)
            }
        return QueryToken(kind: kind, column: column)
    }

    /// Whether the characters before a `:` name a field (letters only: `10:30` is a word).
    private func fieldName(_ range: Range<Int>) -> Bool {
        !range.isEmpty && characters[range].allSatisfy { $0.isASCII && $0.isLetter }
    }

    private static func endsWord(_ character: Character) -> Bool {
        character.isWhitespace || character == "(" || character == ")" || character == "\""
    }
}
