/// Why an index operation failed, and where: the file (and byte offset) for damage, the
/// errno for I/O, the holder's pid for a refused lock.
///
/// One error type for the whole module, so callers map every failure to one readable line.
public struct IndexError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// A file failed its magic, version, structure or checksum check.
        case damaged
        /// A system call failed; the payload is its errno.
        case io(Int32)
        /// Another live process holds the writer lock; the payload is its pid.
        case locked(Int32)
        /// There is no committed index at the location.
        case noIndex
        /// The caller asked for something the index cannot do (an unknown field, a bad option).
        case invalid
    }

    public var kind: Kind
    /// The file (or index folder) concerned.
    public var file: String
    public var reason: String

    public init(_ kind: Kind, file: String, reason: String) {
        self.kind = kind
        self.file = file
        self.reason = reason
    }

    static func damaged(_ file: String, _ reason: String) -> IndexError {
        IndexError(.damaged, file: file, reason: reason)
    }

    /// One line for a person: what went wrong, where, and for damage what to do about it.
    public var description: String {
        switch kind {
        case .damaged:
            return "\(file): damaged index file (\(reason)); rebuild it with `citex index --rebuild`"
        case .locked(let pid):
            return "\(file): another citex process (pid \(pid)) is writing this index; wait for it to finish"
        case .noIndex:
            return "\(file): no index here (\(reason)); build one with `citex index`"
        case .io, .invalid:
            return "\(file): \(reason)"
        }
    }
}
