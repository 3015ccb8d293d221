/// A qrels or run file that cannot be read as TREC text, with the line at fault.
public struct EvaluationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file (or other source name) the text came from.
    public var source: String
    /// 1-based line number.
    public var line: Int
    public var reason: String

    public init(source: String, line: Int, reason: String) {
        self.source = source
        self.line = line
        self.reason = reason
    }

    public var description: String { "\(source):\(line): \(reason)" }
}
