import Foundation
import Testing
import TestSupport

/// Every index file flipped, truncated or deleted: `citex check` names the file and advises
/// `citex index --rebuild`, other commands fail the same way or find the same passages (never
/// crash), and the advised rebuild brings the index back.
///
/// A search checksums only the small files, so a flipped byte in a large one (terms,
/// postings, positions) may change scores without an error until `citex check` reads it.
@Suite struct DamagedIndexCLITests {
    enum Damage: String, CaseIterable, Sendable {
        case flip, truncate, delete

        func apply(to file: URL) throws {
            switch self {
            case .delete:
                try FileManager.default.removeItem(at: file)
            case .truncate, .flip:
                var bytes = [UInt8](try Data(contentsOf: file))
                if self == .flip { bytes[bytes.count / 2] ^= 0x5A } else { bytes.removeLast(bytes.count / 2 + 1) }
                try Data(bytes).write(to: file)
            }
        }
    }

    /// Pages indexed with a small budget (several segments), then one page changed and one
    /// removed, so the folder holds every kind of file: manifest, each segment part, deletions.
    /// Built once; each test damages its own copy of `idx` (it is left in the temporary folder).
    static let fixture = Result { try damageableIndex() }

    static func damageableIndex() throws -> URL {
        let folder = try CLIRunner.temporaryDirectory("citex-damage")
        let pages = folder.appendingPathComponent("pages")
        try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
        var random = SeededGenerator(seed: 8)
        let words = ["amber", "basalt", "cedar", "delta", "ermine", "fjord", "garnet", "heron", "indigo", "jasper"]
        for page in 0..<8 {
            let text = (0..<300).map { _ in words.randomElement(using: &random)! }.joined(separator: " ")
            try "<html><head><title>Page \(page)</title></head><body><h1>Page \(page)</h1><p>\(text) tag\(page)</p></body></html>"
                .write(to: pages.appendingPathComponent("p\(page).html"), atomically: true, encoding: .utf8)
        }
        let first = try CLIRunner.run(["index", "pages", "--index", "idx", "--memory", "48K", "--quiet"], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        try "<html><body><p>changed cedar</p></body></html>"
            .write(to: pages.appendingPathComponent("p3.html"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: pages.appendingPathComponent("p5.html"))
        let second = try CLIRunner.run(["index", "pages", "--index", "idx", "--memory", "48K", "--quiet"], in: folder)
        #expect(second.status == 0, "\(second.stderr)")
        return folder
    }

    /// The passage IDs a `--format jsonl` search found (scores change when a rebuild drops
    /// deleted passages from the statistics, the hits do not).
    static func hitIDs(_ jsonl: String) -> Set<String> {
        Set(jsonl.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String
        })
    }

    /// Parts a search opens without a checksum pass (only `citex check` reads every byte).
    static let largeParts = [".terms", ".postings", ".positions", ".passages"]

    static func indexFiles(_ folder: URL, _ index: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(index).path)
            .filter { $0 != "write.lock" }.sorted()
    }

    /// A fresh copy of the fixture's index, named `name`, in the fixture folder.
    static func copy(_ name: String) throws -> URL {
        let folder = try fixture.get()
        let copy = folder.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: copy)
        try FileManager.default.copyItem(at: folder.appendingPathComponent("idx"), to: copy)
        return folder
    }

    @Test func aCleanIndexChecksClean() throws {
        let folder = try Self.fixture.get()
        let names = try Self.indexFiles(folder, "idx")
        for part in ["manifest-", ".terms", ".postings", ".positions", ".norms", ".passages", ".documents", ".del"] {
            #expect(names.contains { $0.contains(part) }, "no \(part) file in \(names)")
        }
        let check = try CLIRunner.run(["check", "--index", "idx"], in: folder)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("no damage found"))
        #expect(check.stderr.isEmpty)
    }

    @Test(arguments: Damage.allCases)
    func damageIsNamedAndRebuildRecovers(_ damage: Damage) throws {
        let name = "idx-\(damage)"
        let folder = try Self.copy(name)
        let index = folder.appendingPathComponent(name)
        let pristine = folder.appendingPathComponent("idx")
        let expected = try CLIRunner.run(["search", "cedar", "-k", "50", "--format", "jsonl", "--index", name], in: folder)
        for file in try Self.indexFiles(folder, name) {
            try damage.apply(to: index.appendingPathComponent(file))
            let check = try CLIRunner.run(["check", "--index", name], in: folder)
            #expect(check.status == 2, "\(damage) \(file): check exited \(check.status)")
            let named = damage == .delete && file.hasPrefix("manifest-") ? "manifest-*" : file
            #expect(check.stderr.contains(named) && check.stderr.contains("citex index --rebuild"),
                    "\(damage) \(file): \(check.stderr)")
            for command in [["search", "cedar", "-k", "50", "--format", "jsonl"], ["stats"]] {
                let result = try CLIRunner.run(command + ["--index", name], in: folder)
                #expect([0, 1, 2].contains(result.status), "\(damage) \(file): \(command[0]) exited \(result.status)")
                if result.status == 2 {
                    #expect(result.stderr.contains(named), "\(damage) \(file): \(command[0]): \(result.stderr)")
                }
                let checkedByCheckOnly = damage == .flip && Self.largeParts.contains { file.hasSuffix($0) }
                if command[0] == "search", result.status != 2, !checkedByCheckOnly {
                    #expect(Self.hitIDs(result.stdout) == Self.hitIDs(expected.stdout), "\(damage) \(file): other hits")
                }
            }
            try FileManager.default.removeItem(at: index)
            try FileManager.default.copyItem(at: pristine, to: index)
        }
        let manifest = try #require(try Self.indexFiles(folder, name).first { $0.hasPrefix("manifest-") })
        try damage.apply(to: index.appendingPathComponent(manifest))
        let rebuild = try CLIRunner.run(["index", "pages", "--index", name, "--rebuild", "--quiet"], in: folder)
        #expect(rebuild.status == 0, "\(rebuild.stderr)")
        #expect(try CLIRunner.run(["check", "--index", name], in: folder).status == 0)
        let after = try CLIRunner.run(["search", "cedar", "-k", "50", "--format", "jsonl", "--index", name], in: folder)
        #expect(Self.hitIDs(after.stdout) == Self.hitIDs(expected.stdout))
    }
}
