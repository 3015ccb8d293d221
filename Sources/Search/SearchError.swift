/// Why the Search module could not use its input, and where the input broke: a query
/// (`column`) or a TREC qrels or run file (`file`, `line`).
///
/// A syntax error is never turned into "no results": the caller shows `description`
/// (one line) and exits with an error status. (Index problems are `IndexError`s.)
public struct SearchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where the input broke.
    public enum Place: Sendable, Equatable {
        /// 1-based, counted in characters of the query text.
        case query(column: Int)
        /// A qrels or run file (or other source name) and its 1-based line.
        case file(String, line: Int)
    }

    public var place: Place
    public var message: String

    public init(column: Int, _ message: String) {
        place = .query(column: column)
        self.message = message
    }

    public init(file: String, line: Int, _ message: String) {
        place = .file(file, line: line)
        self.message = message
    }

    static func query(at column: Int, _ message: String) -> SearchError {
        SearchError(column: column, message)
    }

    /// The column of an error in a query; `nil` for a file.
    public var column: Int? {
        if case .query(let column) = place { column } else { nil }
    }

    /// `query column 7: unclosed quote` or `qrels.txt:2: …`, the forms the CLI prints.
    public var description: String {
        switch place {
        case .query(let column): "query column \(column): \(message)"
        case .file(let file, let line): "\(file):\(line): \(message)"
        }
    }
}
