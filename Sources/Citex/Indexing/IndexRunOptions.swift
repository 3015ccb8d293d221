import Index

/// What `citex index` was asked to do.
public struct IndexRunOptions: Sendable {
    /// Files and folders to index; documents that came from inside them and are gone are removed.
    public var roots: [String]
    /// The index folder (created when missing).
    public var index: String
    /// Writer memory budget in bytes (`--memory`).
    public var memoryBudget: Int
    /// Merge into one segment after indexing (`--compact`).
    public var compact: Bool
    /// Start from an empty index (`--rebuild`).
    public var rebuild: Bool
    /// Stemming for a new or rebuilt index; an existing index keeps its setting.
    public var stemming: Bool

    public init(
        roots: [String] = IndexLocation.defaultRoots, index: String = "Index", memoryBudget: Int = 512 << 20,
        compact: Bool = false, rebuild: Bool = false, stemming: Bool = true
    ) {
        self.roots = roots
        self.index = index
        self.memoryBudget = memoryBudget
        self.compact = compact
        self.rebuild = rebuild
        self.stemming = stemming
    }
}

/// What one `citex index` run did, for the summary line.
public struct IndexRunSummary: Sendable, Equatable {
    /// A file that was not indexed, and why.
    public struct Skip: Sendable, Equatable {
        public var path: String
        public var reason: String
    }

    public var added = 0
    public var updated = 0
    public var removed = 0
    public var unchanged = 0
    public var skipped: [Skip] = []
    /// Passages written by this run (of added and updated documents).
    public var passages = 0
    /// Bytes of source files read and parsed.
    public var bytesIngested = 0
    public var seconds = 0.0
    /// The commit this run produced and what it holds.
    public var generation: UInt64 = 0
    public var documents = 0
    public var segments = 0

    public init() {}
}
