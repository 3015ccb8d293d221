/// One lexical unit of the query language, with the column it starts at.
struct QueryToken: Equatable {
    enum Kind: Equatable {
        case word(String)
        /// A quoted phrase, without its quotes.
        case phrase(String)
        /// `name:` directly followed by its value (the next token).
        case field(String)
        case openParenthesis
        case closeParenthesis
        case and
        case or
        case not
        /// `+` directly in front of a term.
        case plus
        /// `-` directly in front of a term.
        case minus
    }

    var kind: Kind
    /// 1-based, in characters.
    var column: Int
}
