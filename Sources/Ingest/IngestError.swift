/// Why one file could not be ingested; the run goes on with the others.
public struct IngestError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String
    /// The file is over `IngestOptions.maxFileBytes`: a caller that set the limit (from a
    /// memory budget) can say what would let it through.
    public var isTooLarge: Bool

    public init(path: String, reason: String, isTooLarge: Bool = false) {
        self.path = path
        self.reason = reason
        self.isTooLarge = isTooLarge
    }

    /// `path: reason`, the form the CLI prints on stderr.
    public var description: String { "\(path): \(reason)" }
}
