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
}
