import Index

/// `citex stats`, `citex check` and `citex remove`: inspecting, verifying and pruning an
/// index without its sources.
public enum IndexMaintenance {
    /// Verifies every checksum and decodes every structure of the latest commit; throws
    /// the first damage found, naming the file.
    public static func check(index: String) throws -> IndexReader.CheckReport {
        try IndexReader.check(try FileSystemStorage(path: index))
    }

    /// Counts and sizes of the latest commit.
    public static func statistics(index: String) throws -> IndexStatistics {
        try IndexReader.open(at: index).statistics()
    }

    /// What `remove` did: documents removed, and the paths that matched nothing.
    public struct RemoveSummary: Sendable, Equatable {
        public var removed: Int
        public var unmatched: [String]
        public var generation: UInt64
    }

    /// Removes every document whose source is one of `paths` or inside one of them, in one commit.
    public static func remove(_ paths: [String], index: String) throws -> RemoveSummary {
        let storage = try FileSystemStorage(path: index)
        let writer = try IndexWriter(storage: storage)
        defer { writer.close() }
        let sources = writer.absolutePaths
        var removed = 0
        var unmatched: [String] = []
        for path in paths {
            let target = IndexLocation.absolute(path)
            let matches = sources.filter { IndexLocation.isInside($0, target) }
            if matches.isEmpty { unmatched.append(path) }
            for source in matches where writer.remove(absolutePath: source) { removed += 1 }
        }
        let generation = try writer.commit()
        return RemoveSummary(removed: removed, unmatched: unmatched, generation: generation)
    }
}
