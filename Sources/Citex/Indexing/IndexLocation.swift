#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where the index and the sources are when a person does not say.
public enum IndexLocation {
    /// The folder indexed when no path is given.
    public static let defaultRoots = ["Corpus"]

    /// `explicit` if given, else `$CITEX_INDEX`, else `Index` in the current folder.
    public static func resolve(_ explicit: String?, environment: [String: String] = Environment.variables(["CITEX_INDEX"])) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let variable = environment["CITEX_INDEX"], !variable.isEmpty { return variable }
        return "Index"
    }

    /// `path` made absolute (against the current folder) and normalised, the form documents
    /// are identified by across runs.
    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// Whether `path` is `root` or inside it.
    static func isInside(_ path: String, _ root: String) -> Bool {
        path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }
}
