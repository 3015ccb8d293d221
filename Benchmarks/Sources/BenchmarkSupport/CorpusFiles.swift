import Foundation
import Ingest

/// Real pages from a benchmark corpus (`../shared/corpus/build-corpus.sh OUTDIR small`), loaded into
/// memory before anything is timed.
public enum CorpusFiles {
    /// The default corpus root on the build machine.
    public static let defaultRoot = "/work/corpus"

    /// The folders of `tier` (`CORPUS_ROOT/tiers/TIER.dirs`, one per line, relative to the root).
    public static func folders(root: String = defaultRoot, tier: String = "small") -> [String] {
        let file = root + "/tiers/" + tier + ".dirs"
        guard let list = try? String(contentsOfFile: file, encoding: .utf8) else { return [] }
        return list.split(separator: "\n").map { root + "/" + $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.hasSuffix("/") }
    }

    /// The HTML pages of `folders` (in walk order, at most `limit`), with their relative paths.
    public static func htmlPages(in folders: [String], limit: Int = .max) -> [(path: String, bytes: [UInt8])] {
        let files = SourceWalker.walk(folders).files.filter { SourceFormat.claimed(byPath: $0.relativePath) == .html }
        return files.prefix(limit).compactMap { file in
            FileManager.default.contents(atPath: file.absolutePath).map { (file.relativePath, [UInt8]($0)) }
        }
    }

    /// The text of every .xml/.html/.htm/.txt/.page file under `paths` (files taken in sorted order,
    /// tags stripped crudely, which is enough for analysis throughput), up to about `limit` bytes.
    public static func strippedText(_ paths: [String], limit: Int) -> [UInt8] {
        let manager = FileManager.default
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let enumerator = manager.enumerator(atPath: path)
            while let relative = enumerator?.nextObject() as? String {
                if [".xml", ".html", ".htm", ".txt", ".page"].contains(where: relative.hasSuffix) {
                    files.append(path + "/" + relative)
                }
            }
        }
        var text: [UInt8] = []
        for file in files.sorted() where text.count < limit {
            guard let data = manager.contents(atPath: file) else { continue }
            var inTag = false
            for byte in data {
                if byte == UInt8(ascii: "<") {
                    inTag = true
                } else if byte == UInt8(ascii: ">") {
                    inTag = false
                    text.append(0x20)
                } else if !inTag {
                    text.append(byte)
                }
            }
            text.append(0x0A)
        }
        return text
    }
}
