#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
import TestSupport

/// A full disk or an unwritable index folder fails the run with a clear message and leaves
/// the previous commit intact; a tiny memory budget over many files still indexes them all,
/// run after run. (`Scripts/resource-test` measures memory on large corpora.)
@Suite struct ResourceCLITests {
    static func indexedFolder() throws -> URL {
        let folder = try CLIRunner.temporaryDirectory("citex-resources")
        let pages = folder.appendingPathComponent("pages")
        try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
        for page in 0..<3 {
            try "<html><head><title>Page \(page)</title></head><body><p>first commit words \(page)</p></body></html>"
                .write(to: pages.appendingPathComponent("p\(page).html"), atomically: true, encoding: .utf8)
        }
        let first = try CLIRunner.run(["index", "pages", "--index", "idx", "--quiet"], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        return folder
    }

    /// Pages large enough that their segment outgrows a 64 KiB file-size limit.
    static func addLargePages(_ folder: URL) throws {
        for page in 0..<4 {
            let words = (0..<20_000).map { "word\($0 % 5_000)x\(page)" }.joined(separator: " ")
            try "<html><body><p>\(words)</p></body></html>"
                .write(to: folder.appendingPathComponent("pages/large\(page).html"), atomically: true, encoding: .utf8)
        }
    }

    static func listing(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("idx").path).sorted()
    }

    static func runShell(_ script: String, in folder: URL) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, "sh", CLIRunner.binary.path]
        process.currentDirectoryURL = folder
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stderr, as: UTF8.self))
    }

    /// `ulimit -f` stands in for a full disk; with SIGXFSZ ignored a write past it fails with EFBIG.
    @Test func aFullDiskFailsTheRunAndKeepsTheLastCommit() throws {
        let folder = try Self.indexedFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let committed = try Self.listing(folder)
        let before = try CLIRunner.run(["stats", "--index", "idx"], in: folder)
        try Self.addLargePages(folder)
        let full = try Self.runShell("trap '' XFSZ; ulimit -f 64; exec \"$1\" index pages --index idx --memory 1M", in: folder)
        #expect(full.status == 2)
        #expect(full.stderr.contains("File too large") && full.stderr.contains("idx/seg"), "\(full.stderr)")
        #expect(try Self.listing(folder) == committed, "the failed run left files behind")
        #expect(try CLIRunner.run(["check", "--index", "idx"], in: folder).status == 0)
        #expect(try CLIRunner.run(["stats", "--index", "idx"], in: folder).stdout == before.stdout)
        let retry = try CLIRunner.run(["index", "pages", "--index", "idx", "--quiet"], in: folder)
        #expect(retry.status == 0, "\(retry.stderr)")
        #expect(try CLIRunner.run(["search", "word42x3", "--index", "idx"], in: folder).status == 0)
    }

    /// Root writes anywhere, so as root the run drops to `nobody` (with `setpriv`) to meet the
    /// folder's permissions.
    @Test(.enabled(if: getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
    func anUnwritableFolderFailsTheRunAndKeepsTheLastCommit() throws {
        let folder = try Self.indexedFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let index = folder.appendingPathComponent("idx").path
        let committed = try Self.listing(folder)
        try "<html><body><p>second commit</p></body></html>"
            .write(to: folder.appendingPathComponent("pages/new.html"), atomically: true, encoding: .utf8)
        for path in [folder.path, folder.appendingPathComponent("pages").path] { chmod(path, 0o755) }
        chmod(index, 0o555)
        defer { chmod(index, 0o755) }
        let asNobody = getuid() == 0 ? "exec /usr/bin/setpriv --reuid 65534 --regid 65534 --clear-groups" : "exec"
        let refused = try Self.runShell("\(asNobody) \"$1\" index pages --index idx", in: folder)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("idx/") && refused.stderr.contains("Permission denied"), "\(refused.stderr)")
        #expect(try Self.listing(folder) == committed)
        let check = try Self.runShell("\(asNobody) \"$1\" check --index idx", in: folder)
        #expect(check.status == 0, "\(check.stderr)")
    }

    static func documentCount(_ folder: URL) throws -> Int? {
        let stats = try CLIRunner.run(["stats", "--index", "idx", "--format", "json"], in: folder)
        let object = try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any]
        return object?["documents"] as? Int
    }

    /// Hundreds of files with long names under a 64 KiB budget: the per-file records alone
    /// pass half the budget, so the writer flushes small segments and merges them; adding,
    /// changing, deleting and renaming files then still leaves exactly the files on disk.
    @Test func manyFilesUnderATinyBudgetStayExactAcrossRuns() throws {
        let folder = try CLIRunner.temporaryDirectory("citex-many-files")
        defer { try? FileManager.default.removeItem(at: folder) }
        let pages = folder.appendingPathComponent("pages/" + String(repeating: "deeply-nested-folder/", count: 8))
        try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
        func write(_ number: Int, _ word: String) throws {
            try "<html><body><p>tiny page \(number) \(word)</p></body></html>"
                .write(to: pages.appendingPathComponent("page-with-a-long-name-\(number).html"), atomically: true, encoding: .utf8)
        }
        for number in 0..<400 { try write(number, "w\(number)first") }
        let first = try CLIRunner.run(["index", "pages", "--index", "idx", "--memory", "64K", "--quiet"], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try Self.documentCount(folder) == 400)

        for number in 0..<20 { try write(number, "w\(number)second") }
        for number in 20..<40 { try FileManager.default.removeItem(at: pages.appendingPathComponent("page-with-a-long-name-\(number).html")) }
        for number in 40..<60 {
            try FileManager.default.moveItem(
                at: pages.appendingPathComponent("page-with-a-long-name-\(number).html"),
                to: pages.appendingPathComponent("renamed-\(number).html"))
        }
        for number in 400..<450 { try write(number, "w\(number)first") }
        let second = try CLIRunner.run(["index", "pages", "--index", "idx", "--memory", "64K"], in: folder)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("70 added, 20 updated, 40 removed, 340 unchanged"), "\(second.stderr)")
        #expect(try Self.documentCount(folder) == 430)
        #expect(try CLIRunner.run(["check", "--index", "idx"], in: folder).status == 0)
        for (word, found) in [("w5second", true), ("w5first", false), ("w25first", false), ("w45first", true), ("w420first", true)] {
            let search = try CLIRunner.run(["search", word, "--index", "idx"], in: folder)
            #expect(search.status == (found ? 0 : 1), "\(word): \(search.stdout)")
        }
        let renamed = try CLIRunner.run(["search", "w45first", "--index", "idx"], in: folder)
        #expect(renamed.stdout.contains("renamed-45.html"), "\(renamed.stdout)")
        let third = try CLIRunner.run(["index", "pages", "--index", "idx", "--memory", "64K"], in: folder)
        #expect(third.stderr.contains("0 added, 0 updated, 0 removed, 430 unchanged"), "\(third.stderr)")
    }

    /// A page larger than the budget allows (an eighth of it, at least 16 MiB) is skipped
    /// without being read, with a reason naming the `--memory` that would index it.
    @Test func aPageTooLargeForTheBudgetIsSkippedWithTheMemoryItNeeds() throws {
        let folder = try CLIRunner.temporaryDirectory("citex-large-page")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("pages"), withIntermediateDirectories: true)
        try "<html><body><p>small page</p></body></html>"
            .write(to: folder.appendingPathComponent("pages/small.html"), atomically: true, encoding: .utf8)
        let paragraph = "<p>" + String(repeating: "word ", count: 2_000) + "</p>\n"
        var page = "<html><body>"
        for _ in 0..<(17 << 20) / paragraph.utf8.count { page += paragraph }
        try page.write(to: folder.appendingPathComponent("pages/huge.html"), atomically: true, encoding: .utf8)
        let run = try CLIRunner.run(["index", "pages", "--index", "idx", "--memory", "32M"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("1 added") && run.stderr.contains("1 skipped"), "\(run.stderr)")
        #expect(run.stderr.contains("too large for --memory 32M") && run.stderr.contains("pages over 16M"), "\(run.stderr)")
    }
}
