#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
import TestSupport

/// Several processes on one index: searches while another process writes, a second writer
/// refused, a stale lock taken over. (`Scripts/concurrency-test` runs the long version.)
@Suite struct ConcurrencyCLITests {
    /// Writes the pages numbered `range`, all alike in size, whose every passage holds "shared".
    static func writePages(_ pages: URL, _ range: Range<Int>) throws {
        var random = SeededGenerator(seed: UInt64(range.lowerBound))
        let words = ["amber", "basalt", "cedar", "delta", "ermine", "fjord", "garnet", "heron", "indigo", "jasper"]
        for page in range {
            let paragraphs = (0..<4).map { _ in
                "<p>" + (0..<80).map { _ in words.randomElement(using: &random)! }.joined(separator: " ") + " shared</p>"
            }
            try "<html><head><title>Page \(page)</title></head><body>\(paragraphs.joined())</body></html>"
                .write(to: pages.appendingPathComponent("p\(page).html"), atomically: true, encoding: .utf8)
        }
    }

    static func indexedFolder(pages count: Int) throws -> URL {
        let folder = try CLIRunner.temporaryDirectory("citex-concurrency")
        let pages = folder.appendingPathComponent("pages")
        try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
        try writePages(pages, 0..<count)
        let first = try CLIRunner.run(["index", "pages", "--index", "idx", "--quiet"], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        return folder
    }

    static func hitCount(_ folder: URL) throws -> (status: Int32, hits: Int, stderr: String) {
        let result = try CLIRunner.run(["search", "shared", "-k", "10000", "--per-doc", "0", "--format", "jsonl", "--index", "idx"], in: folder)
        return (result.status, result.stdout.split(separator: "\n").count, result.stderr)
    }

    @Test func searchesWhileAnotherProcessIndexesSeeWholeCommits() throws {
        let folder = try Self.indexedFolder(pages: 6)
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try Self.hitCount(folder)
        #expect(before.status == 0 && before.hits > 0)
        try Self.writePages(folder.appendingPathComponent("pages"), 6..<30)
        let writer = Process()
        writer.executableURL = CLIRunner.binary
        writer.arguments = ["index", "pages", "--index", "idx", "--memory", "16K", "--quiet"]
        writer.currentDirectoryURL = folder
        try writer.run()
        var seen: [Int] = []
        repeat {
            let search = try Self.hitCount(folder)
            #expect(search.status == 0, "\(search.stderr)")
            seen.append(search.hits)
        } while writer.isRunning && seen.count < 200
        writer.waitUntilExit()
        #expect(writer.terminationStatus == 0)
        let after = try Self.hitCount(folder).hits
        #expect(after == before.hits * 5)
        // A run commits at every flush, so a search may see any of its commits, but each
        // holds whole pages only and none undoes an earlier one.
        let perPage = before.hits / 6
        #expect(seen.allSatisfy { $0 % perPage == 0 && $0 >= before.hits && $0 <= after }, "searches saw \(seen)")
        #expect(seen == seen.sorted(), "searches saw \(seen)")
    }

    /// This process plays the running writer: it holds the `flock` on `write.lock` and has
    /// written its pid there, as `citex index` does.
    @Test func aSecondWriterIsRefusedAndAStaleLockTakenOver() throws {
        let folder = try Self.indexedFolder(pages: 2)
        defer { try? FileManager.default.removeItem(at: folder) }
        let lock = folder.appendingPathComponent("idx/write.lock").path
        let fd = open(lock, O_RDWR | O_CREAT, 0o644)
        try #require(fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) == 0)
        try "\(getpid())\n".write(toFile: lock, atomically: false, encoding: .utf8)
        try Self.writePages(folder.appendingPathComponent("pages"), 2..<3)
        for command in [["index", "pages"], ["remove", "pages/p0.html"]] {
            let refused = try CLIRunner.run(command + ["--index", "idx"], in: folder)
            #expect(refused.status == 2)
            #expect(refused.stderr.contains("another citex process (pid \(getpid())) is writing"), "\(refused.stderr)")
        }
        let before = try Self.hitCount(folder).hits
        #expect(before > 0)

        // The writer dies: the system drops its lock, the file still names its pid.
        close(fd)
        let takeover = try CLIRunner.run(["index", "pages", "--index", "idx", "--quiet"], in: folder)
        #expect(takeover.status == 0, "\(takeover.stderr)")
        #expect(try Self.hitCount(folder).hits == before * 3 / 2)
    }
}
