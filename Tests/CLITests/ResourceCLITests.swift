#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
import TestSupport

/// A full disk or an unwritable index folder fails the run with a clear message and leaves
/// the previous commit intact. (`Scripts/resource-test` measures memory on large corpora.)
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
}
