#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A batch of queries for `citex search --queries`: `qid<TAB>query` per line.
public enum QueryFile {
    /// The queries in `path`, in order. Blank lines and lines starting with `#` are skipped;
    /// a line without a tab is a query whose id is its line number.
    public static func read(_ path: String) throws -> [(qid: String, query: String)] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CitexError.file(path, reason: "cannot read the file")
        }
        var queries: [(qid: String, query: String)] = []
        for (number, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = line.hasSuffix("\r") ? line.dropLast() : line
            if line.allSatisfy(\.isWhitespace) || line.hasPrefix("#") { continue }
            if let tab = line.firstIndex(of: "\t") {
                queries.append((String(line[..<tab]), String(line[line.index(after: tab)...])))
            } else {
                queries.append((String(number + 1), String(line)))
            }
        }
        return queries
    }
}
