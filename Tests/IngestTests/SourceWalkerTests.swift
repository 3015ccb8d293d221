import Foundation
import Ingest
import Testing
import TestSupport

@Suite struct SourceWalkerTests {
    private func write(_ text: String, _ path: String, in root: URL) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @Test func walksRecursivelySkippingHiddenAndNonPages() throws {
        let root = try CLIRunner.temporaryDirectory("walk")
        defer { try? FileManager.default.removeItem(at: root) }
        try write("<p>a</p>", "a.html", in: root)
        try write("<doc><p>b</p></doc>", "sub/b.xml", in: root)
        try write("<!DOCTYPE html><p>c</p>", "sub/deeper/c.txt", in: root)
        try write("plain notes", "notes.txt", in: root)
        try write("<p>hidden</p>", ".git/x.html", in: root)
        try write("<p>hidden</p>", "sub/.cache.html", in: root)
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("sub/loop").path, withDestinationPath: root.path)
        let (files, skipped) = SourceWalker.walk([root.path])
        #expect(files.map(\.relativePath) == ["a.html", "sub/b.xml", "sub/deeper/c.txt"])
        #expect(files.first?.absolutePath == root.appendingPathComponent("a.html").path)
        #expect(files.first?.size == 8)
        #expect(skipped == [SourceWalker.Skipped(path: "notes.txt", reason: "not HTML or XML (by extension and content)")])
    }

    @Test func aFileRootIsCitedByItsName() throws {
        let root = try CLIRunner.temporaryDirectory("walk")
        defer { try? FileManager.default.removeItem(at: root) }
        try write("<p>a</p>", "x/page.htm", in: root)
        let (files, skipped) = SourceWalker.walk([root.appendingPathComponent("x/page.htm").path, root.appendingPathComponent("missing").path])
        #expect(files.map(\.relativePath) == ["page.htm"])
        #expect(skipped.map(\.isRoot) == [true])
        #expect(skipped.first?.reason == "no such file or directory")
    }

    /// The walk finds files already sorted; the reference sorts every relative path afterwards.
    /// Names around `/` in byte order (`-`, `.`, `0`) and accents are where the two could differ.
    @Test func findsFilesInSortedOrderWithoutSorting() throws {
        let root = try CLIRunner.temporaryDirectory("walk-order")
        defer { try? FileManager.default.removeItem(at: root) }
        var generator = SeededGenerator(seed: 11)
        let parts = ["a", "a-b", "a.b", "a0", "A", "b", "é", "e\u{301}x", "z z"]
        var written: Set<String> = []
        for _ in 0..<120 {
            let depth = Int.random(in: 1...3, using: &generator)
            let folders = (1..<depth).map { _ in parts.randomElement(using: &generator) ?? "a" }
            let path = (folders + [(parts.randomElement(using: &generator) ?? "a") + ".html"]).joined(separator: "/")
            // A name used as a folder cannot also be a file; the writes that collide are skipped.
            if (try? write("<p>x</p>", path, in: root)) != nil { written.insert(path) }
        }
        let files = SourceWalker.walk([root.path]).files
        let found = files.map(\.relativePath)
        #expect(found == found.sorted())
        #expect(Set(found).count == found.count)
        #expect(files.allSatisfy { $0.absolutePath == root.path + "/" + $0.relativePath })
        #expect(found.count == written.filter { path in
            FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
        }.count)
    }
}
