/// A batch of queries: one `id<TAB>query` per line (`citex search --queries FILE`), the
/// format of TREC-style topic files and the evaluation collections.
public struct QueryFile: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var id: String
        public var query: String

        public init(id: String, query: String) {
            self.id = id
            self.query = query
        }
    }

    public var entries: [Entry]

    /// Parses the file's text; blank lines are skipped.
    /// - Throws: `QueryFileError` naming the first line without a tab or an id.
    public init(parsing text: String, path: String) throws {
        entries = []
        // "\r\n" is one Character in Swift, so it is a separator of its own.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (number, line) in lines.enumerated() {
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            guard let tab = line.firstIndex(of: "\t"), tab != line.startIndex else {
                throw QueryFileError(path: path, line: number + 1)
            }
            entries.append(Entry(id: String(line[..<tab]), query: String(line[line.index(after: tab)...])))
        }
    }
}

/// A query file line that is not `id<TAB>query`.
public struct QueryFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var line: Int

    public init(path: String, line: Int) {
        self.path = path
        self.line = line
    }

    public var description: String { "\(path):\(line): expected 'id<TAB>query'" }
}
