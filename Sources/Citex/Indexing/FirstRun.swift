#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Index

/// Makes the README's first command work on a fresh clone: searching with no index yet,
/// in a folder that has `Corpus/`, builds the index first.
///
/// The build may commit several times (once per flush of a large corpus), so a first run
/// killed half-way leaves an index that opens but lacks pages. A marker file beside the
/// index files says the build has not finished; the next search finds it and completes the
/// build (an incremental run: the pages already indexed are not read again).
public enum FirstRun {
    /// The marker's name inside the index folder (not an index file, so writers and
    /// `citex check` leave it alone).
    static let markerName = "first-run.incomplete"

    /// Builds `Index/` from `Corpus/` when the default index is missing, or completes a
    /// first build that was interrupted, when `Corpus/` exists; returns the run's summary and
    /// whether it completed an interrupted build, `nil` when there was nothing to do.
    ///
    /// Only the default location is built: an index named with `--index` or `$CITEX_INDEX`
    /// that does not exist is an error the person should see.
    public static func buildDefaultIndexIfMissing(
        explicitIndex: String?
    ) throws -> (summary: IndexRunSummary, resumed: Bool)? {
        let environment = Environment.variables(["CITEX_INDEX"])
        guard explicitIndex == nil, environment["CITEX_INDEX"]?.isEmpty ?? true else { return nil }
        let index = IndexLocation.resolve(nil, environment: [:])
        let attributes = try? FileManager.default.attributesOfItem(atPath: IndexLocation.defaultRoots[0])
        guard attributes?[.type] as? FileAttributeType == .typeDirectory else { return nil }
        let marker = URL(fileURLWithPath: index).appendingPathComponent(markerName)
        let resumed = FileManager.default.fileExists(atPath: marker.path)
        if !resumed {
            do {
                _ = try IndexReader.open(at: index)
                return nil
            } catch let error as IndexError where error.kind == .noIndex {}
        }
        try FileManager.default.createDirectory(atPath: index, withIntermediateDirectories: true)
        if !FileManager.default.createFile(atPath: marker.path, contents: Data()) {
            throw IndexError(.io(0), file: marker.path, reason: "cannot create the first-run marker")
        }
        let summary = try IndexUpdater.run(IndexRunOptions(roots: IndexLocation.defaultRoots, index: index))
        try FileManager.default.removeItem(at: marker)
        return (summary, resumed)
    }
}
