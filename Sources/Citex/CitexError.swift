/// Errors of the facade itself, each with the hint a person needs to go on.
public enum CitexError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not 16 hexadecimal digits.
    case malformedPassageID(String)
    /// A well-formed ID that the index does not hold (deleted, or from another index).
    case unknownPassage(String, index: String)
    /// A file named on the command line (queries, qrels, a run to write) cannot be used.
    case file(String, reason: String)

    public var description: String {
        switch self {
        case .malformedPassageID(let text):
            return "'\(text)' is not a passage ID (16 hexadecimal digits, as search results show them)"
        case .unknownPassage(let id, let index):
            return "no passage \(id) in the index at \(index) (it may have changed; search again to find its text)"
        case .file(let path, let reason):
            return "\(path): \(reason)"
        }
    }
}
