#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Index

/// Makes the README's first command work on a fresh clone: searching with no index yet,
/// in a folder that has `Corpus/`, builds the index first.
public enum FirstRun {
    /// Builds `Index/` from `Corpus/` when the default index is missing and `Corpus/` exists;
    /// returns the summary when it did, `nil` when there was nothing to do.
    ///
    /// Only the default location is built: an index named with `--index` or `$CITEX_INDEX`
    /// that does not exist is an error the person should see.
    public static func buildDefaultIndexIfMissing(explicitIndex: String?) throws -> IndexRunSummary? {
        let environment = Environment.variables(["CITEX_INDEX"])
        guard explicitIndex == nil, environment["CITEX_INDEX"]?.isEmpty ?? true else { return nil }
        let index = IndexLocation.resolve(nil, environment: [:])
        let attributes = try? FileManager.default.attributesOfItem(atPath: IndexLocation.defaultRoots[0])
        guard attributes?[.type] as? FileAttributeType == .typeDirectory else { return nil }
        do {
            _ = try IndexReader.open(at: index)
            return nil
        } catch let error as IndexError where error.kind == .noIndex {
            return try IndexUpdater.run(IndexRunOptions(roots: IndexLocation.defaultRoots, index: index))
        }
    }
}
