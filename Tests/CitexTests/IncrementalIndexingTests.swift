import Citex
import Foundation
import Index
import TestSupport
import Testing

/// `IndexUpdater` against real folders: only new and changed files are read, changed
/// documents replace their old passages, and vanished ones are removed.
@Suite struct IncrementalIndexingTests {
    struct Workspace {
        let root: URL
        var corpus: String { root.appendingPathComponent("corpus").path }
        var index: String { root.appendingPathComponent("index").path }

        init() throws {
            root = try CLIRunner.temporaryDirectory("citex-incremental")
            try FileManager.default.createDirectory(atPath: corpus + "/sub", withIntermediateDirectories: true)
        }

        func write(_ name: String, _ text: String) throws {
            try text.write(toFile: corpus + "/" + name, atomically: false, encoding: .utf8)
        }

        func run(compact: Bool = false) throws -> IndexRunSummary {
            try IndexUpdater.run(IndexRunOptions(roots: [corpus], index: index, compact: compact))
        }

        /// The text of every live passage, sorted.
        func texts() throws -> [String] {
            let reader = try IndexReader.open(at: index, verify: .checksum)
            var result: [String] = []
            for segment in reader.segments {
                for n in 0..<segment.passageCount where !segment.isDeleted(PassageNumber(n)) {
                    result.append(try segment.passage(PassageNumber(n)).passage.text)
                }
            }
            return result.sorted()
        }
    }

    @Test func addChangeDeleteAndRename() throws {
        let w = try Workspace()
        defer { try? FileManager.default.removeItem(at: w.root) }
        try w.write("a.html", "alpha")
        try w.write("b.html", "bravo")
        try w.write("sub/c.html", "charlie")
        var summary = try w.run()
        #expect((summary.added, summary.updated, summary.removed, summary.unchanged) == (3, 0, 0, 0))
        #expect(try w.texts() == ["alpha", "bravo", "charlie"])

        summary = try w.run()
        #expect((summary.added, summary.updated, summary.removed, summary.unchanged) == (0, 0, 0, 3))
        #expect(summary.generation == 1)

        try w.write("b.html", "bravo two")
        try FileManager.default.moveItem(atPath: w.corpus + "/sub/c.html", toPath: w.corpus + "/sub/d.html")
        try FileManager.default.removeItem(atPath: w.corpus + "/a.html")
        summary = try w.run()
        #expect((summary.added, summary.updated, summary.removed, summary.unchanged) == (1, 1, 2, 0))
        #expect(try w.texts() == ["bravo two", "charlie"])
        #expect(summary.documents == 2)

        let touched = Date(timeIntervalSinceNow: 100)
        try FileManager.default.setAttributes([.modificationDate: touched], ofItemAtPath: w.corpus + "/sub/d.html")
        summary = try w.run()
        #expect((summary.added, summary.updated, summary.removed, summary.unchanged) == (0, 0, 0, 2))

        summary = try w.run(compact: true)
        #expect(summary.segments == 1)
        #expect(try w.texts() == ["bravo two", "charlie"])
        let stats = try IndexMaintenance.statistics(index: w.index)
        #expect(stats.documents == 2 && stats.deleted == 0 && stats.segments == 1)
    }

    @Test func removeDropsDocumentsUnderAPath() throws {
        let w = try Workspace()
        defer { try? FileManager.default.removeItem(at: w.root) }
        try w.write("a.html", "alpha")
        try w.write("sub/c.html", "charlie")
        try w.write("sub/e.html", "echo")
        _ = try w.run()
        let removed = try IndexMaintenance.remove([w.corpus + "/sub", w.corpus + "/nothing"], index: w.index)
        #expect(removed.removed == 2)
        #expect(removed.unmatched == [w.corpus + "/nothing"])
        #expect(try w.texts() == ["alpha"])
    }

    @Test func unchangedPassagesKeepTheirIDs() throws {
        let w = try Workspace()
        defer { try? FileManager.default.removeItem(at: w.root) }
        try w.write("a.html", "alpha")
        try w.write("b.html", "bravo")
        _ = try w.run()
        let before = try IndexReader.open(at: w.index)
        let id = before.segments[0].passageID(PassageNumber(0))
        try w.write("b.html", "bravo changed")
        _ = try w.run()
        #expect(try IndexReader.open(at: w.index).locate(id) != nil)
    }
}
