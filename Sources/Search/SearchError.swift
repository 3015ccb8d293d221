/// Why a query could not run: it is malformed, and `column` says where it broke.
///
/// A syntax error is never turned into "no results": the caller shows `description`
/// (one line) and exits with an error status. (Index problems are `IndexError`s.)
public struct SearchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based, counted in characters of the query text.
    public var column: Int
    public var message: String

    public init(column: Int, _ message: String) {
        self.column = column
        self.message = message
    }

    static func query(at column: Int, _ message: String) -> SearchError {
        SearchError(column: column, message)
    }

    /// `query column 7: unclosed quote`, the form the CLI prints.
    public var description: String { "query column \(column): \(message)" }
}
