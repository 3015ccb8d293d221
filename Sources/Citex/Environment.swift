#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few environment variables citex reads, looked up by name.
///
/// `ProcessInfo.processInfo.environment` copies the whole environment into a dictionary on
/// every call (about 3 % of a cold `citex search`, which asked for it three times); citex
/// needs two or three names.
public enum Environment {
    /// Those of `names` that are set, with their values.
    public static func variables(_ names: [String]) -> [String: String] {
        var values: [String: String] = [:]
        for name in names {
            if let value = getenv(name) { values[name] = String(cString: value) }
        }
        return values
    }
}
