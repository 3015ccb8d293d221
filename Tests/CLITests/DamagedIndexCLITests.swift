import Foundation
import Testing
import TestSupport

/// Every index file flipped, truncated or deleted: `citex check` names the file and advises
/// `citex index --rebuild`, other commands fail the same way or find the same passages (never
/// crash), and the advised rebuild brings the index back.
///
/// A search checksums the small files on open and each 4 KiB chunk of the large ones (terms,
/// postings, positions, passages) when it first reads it: a flipped byte it reads is the same
/// clear error, one it does not read leaves its answer unchanged.
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

    /// Parts a search verifies chunk by chunk as it reads them (`citex check` reads every byte).
    static let largeParts = [".terms", ".postings", ".positions", ".passages"]

    /// Pages with a larger vocabulary, so that each large file spans several checksum chunks.
    static let chunkedFixture = Result { () throws -> URL in
        let folder = try CLIRunner.temporaryDirectory("citex-chunks")
        let pages = folder.appendingPathComponent("pages")
        try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
        var random = SeededGenerator(seed: 9)
        let letters = Array("bdfgklmnprstvz"), vowels = Array("aeiou")
        let words = (0..<1500).map { _ in
            String((0..<3).flatMap { _ in [letters.randomElement(using: &random)!, vowels.randomElement(using: &random)!] })
        } + ["amber", "basalt", "cedar"]
        for page in 0..<60 {
            let paragraphs = (0..<4).map { _ in
                let phrase = Int.random(in: 0..<3, using: &random) == 0 ? " amber basalt" : ""
                return "<p>" + (0..<100).map { _ in words.randomElement(using: &random)! }.joined(separator: " ") + phrase + "</p>"
            }
            try "<html><head><title>Page \(page)</title></head><body>\(paragraphs.joined())</body></html>"
                .write(to: pages.appendingPathComponent("p\(page).html"), atomically: true, encoding: .utf8)
        }
        let run = try CLIRunner.run(["index", "pages", "--index", "idx", "--quiet"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        return folder
    }

    /// A byte flipped in each checksum chunk of each large file in turn: a search that reads the
    /// chunk fails with the clear error and prints nothing; one that does not read it answers
    /// exactly as before. The query reads postings, positions (a phrase) and stored passages.
    @Test func aFlipIsAnErrorWhereASearchReadsItAndHarmlessElsewhere() throws {
        let folder = try Self.chunkedFixture.get()
        let search = ["search", "cedar \"amber basalt\"", "-k", "3", "--format", "jsonl", "--index", "idx"]
        let expected = try CLIRunner.run(search, in: folder)
        #expect(expected.status == 0 && !expected.stdout.isEmpty, "\(expected.stderr)")
        let index = folder.appendingPathComponent("idx")
        var answered = 0
        for part in Self.largeParts {
            let name = try #require(try Self.indexFiles(folder, "idx").first { $0.hasSuffix(part) })
            let file = index.appendingPathComponent(name)
            let original = [UInt8](try Data(contentsOf: file))
            let n = original.count
            let chunkCount = (0..<4).reduce(0) { $0 | Int(original[n - 20 + $1]) << (8 * $1) }
            let covered = n - 20 - 4 * chunkCount
            var failed = 0
            for chunk in 0..<chunkCount {
                var damaged = original
                damaged[min(covered - 1, chunk * 4096 + 2048)] ^= 0x04
                try Data(damaged).write(to: file)
                let result = try CLIRunner.run(search, in: folder)
                if result.status == 2 {
                    #expect(result.stdout.isEmpty, "\(name) chunk \(chunk): printed a partial answer")
                    #expect(result.stderr.contains(name) && result.stderr.contains("citex index --rebuild"),
                            "\(name) chunk \(chunk): \(result.stderr)")
                    failed += 1
                } else {
                    #expect(result.status == 0 && result.stdout == expected.stdout,
                            "\(name) chunk \(chunk): exit \(result.status), other answer: \(result.stderr)")
                    answered += 1
                }
            }
            try Data(original).write(to: file)
            #expect(chunkCount > 2 && failed > 0, "\(name): \(chunkCount) chunks, \(failed) failed searches")
        }
        #expect(answered > 0)
    }

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
                if command[0] == "search", result.status != 2 {
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
