/// Why a search could not run: a malformed query (with the column where it broke) or a
/// problem with what was searched.
///
/// A syntax error is never turned into "no results": the caller shows `description`
/// (one line) and exits with an error status.
public struct SearchError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The query text is malformed; `column` is 1-based, counted in characters.
        case query(column: Int)
        /// The index or the options cannot serve this search.
        case search
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    static func query(at column: Int, _ message: String) -> SearchError {
        SearchError(.query(column: column), message)
    }

    /// `query column 7: unclosed quote`, the form the CLI prints.
    public var description: String {
        switch kind {
        case .query(let column): "query column \(column): \(message)"
        case .search: message
        }
    }
}
