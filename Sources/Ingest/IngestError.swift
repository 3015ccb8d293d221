/// Why one file could not be ingested; the run goes on with the others.
public struct IngestError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `path: reason`, the form the CLI prints on stderr.
    public var description: String { "\(path): \(reason)" }
}
