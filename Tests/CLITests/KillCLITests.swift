#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
import TestSupport

/// The quick version of `Scripts/kill-test`: `citex index` killed with SIGKILL at a few
/// moments leaves an index that opens, checks clean and holds whole pages only, and the
/// next run completes the work.
@Suite struct KillCLITests {
    enum Moment: String, CaseIterable, Sendable {
        /// As soon as the run has written its first segment file (mid-flush).
        case firstSegmentFile
        /// As soon as the run has committed once (a new manifest), before it ends.
        case firstCommit
        /// Once the run has begun writing its third segment.
        case thirdSegment
    }

    static func segmentNames(_ index: URL) -> Set<String> {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: index.path)) ?? []
        return Set(names.filter { $0.hasPrefix("seg") }.map { String($0.prefix { $0 != "." && $0 != "_" }) })
    }

    static func manifests(_ index: URL) -> Set<String> {
        Set(((try? FileManager.default.contentsOfDirectory(atPath: index.path)) ?? []).filter { $0.hasPrefix("manifest-") })
    }

    @Test(arguments: Moment.allCases)
    func aKilledRunLeavesWholePagesAndTheNextCompletes(_ moment: Moment) throws {
        let folder = try ConcurrencyCLITests.indexedFolder(pages: 6)
        defer { try? FileManager.default.removeItem(at: folder) }
        let index = folder.appendingPathComponent("idx")
        let before = try ConcurrencyCLITests.hitCount(folder).hits
        try ConcurrencyCLITests.writePages(folder.appendingPathComponent("pages"), 6..<60)
        let segments = Self.segmentNames(index), manifests = Self.manifests(index)

        let writer = Process()
        writer.executableURL = CLIRunner.binary
        writer.arguments = ["index", "pages", "--index", "idx", "--memory", "12K", "--quiet"]
        writer.currentDirectoryURL = folder
        try writer.run()
        while writer.isRunning {
            let fresh = Self.segmentNames(index).subtracting(segments).count
            let fire = switch moment {
            case .firstSegmentFile: fresh >= 1
            case .firstCommit: Self.manifests(index) != manifests
            case .thirdSegment: fresh >= 3
            }
            if fire {
                kill(writer.processIdentifier, SIGKILL)
                break
            }
            usleep(200)
        }
        writer.waitUntilExit()
        #expect(writer.terminationReason == .uncaughtSignal, "\(moment): the run ended before the kill")

        let held = try ConcurrencyCLITests.hitCount(folder)
        #expect(held.status == 0, "\(held.stderr)")
        #expect(held.hits % (before / 6) == 0 && held.hits >= before, "\(moment): \(held.hits) passages is not whole pages")
        let check = try CLIRunner.run(["check", "--index", "idx"], in: folder)
        #expect(check.status == 0, "\(moment): \(check.stderr)")
        let next = try CLIRunner.run(["index", "pages", "--index", "idx", "--quiet"], in: folder)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try ConcurrencyCLITests.hitCount(folder).hits == before * 10)
        let leftovers = try CLIRunner.run(["check", "--index", "idx"], in: folder)
        #expect(leftovers.status == 0 && !leftovers.stderr.contains("interrupted writer"), "\(leftovers.stderr)")
    }

    /// The README's first command in a fresh clone, killed while it builds `Index/` from
    /// `Corpus/`: the next search completes the build and answers from every page.
    @Test func aKilledFirstRunIsCompletedByTheNextSearch() throws {
        let (folder, corpus) = try freshClone("citex-first-run-kill")
        defer { try? FileManager.default.removeItem(at: folder) }
        try ConcurrencyCLITests.writePages(corpus, 0..<120)
        let index = folder.appendingPathComponent("Index")
        let marker = index.appendingPathComponent("first-run.incomplete")

        let first = Process()
        first.executableURL = CLIRunner.binary
        first.arguments = ["search", "shared"]
        first.currentDirectoryURL = folder
        first.standardOutput = FileHandle.nullDevice
        first.standardError = FileHandle.nullDevice
        try first.run()
        while first.isRunning, !FileManager.default.fileExists(atPath: marker.path) { usleep(100) }
        usleep(20_000)
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        #expect(first.terminationReason == .uncaughtSignal, "the first run ended before the kill")
        #expect(FileManager.default.fileExists(atPath: marker.path))

        let next = try CLIRunner.run(["search", "shared", "-k", "10000", "--per-doc", "0", "--format", "jsonl"], in: folder)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.stderr.contains("Index/"), "\(next.stderr)")
        #expect(next.stdout.split(separator: "\n").count == 120 * 4)
        #expect(!FileManager.default.fileExists(atPath: marker.path))
        let check = try CLIRunner.run(["check", "--index", "Index"], in: folder)
        #expect(check.status == 0, "\(check.stderr)")
        let quiet = try CLIRunner.run(["search", "shared"], in: folder)
        #expect(quiet.stderr.isEmpty)
    }
}
