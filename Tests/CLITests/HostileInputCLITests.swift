#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
import TestSupport

/// Pages built to hurt, and file names no one should have, through `citex index` end to end:
/// each file is indexed or skipped with a reason, and the index stays sound.
@Suite struct HostileInputCLITests {
    /// Name (as bytes, so it may be invalid UTF-8) and contents of each hostile file; every
    /// page carries a distinct word that a search must find if the page was indexed.
    static let pages: [(name: [UInt8], body: String, marker: String)] = [
        (Array("huge-attribute.html".utf8),
         "<html><body><div title=\"\(String(repeating: "a", count: 4 << 20))\" data-x='\(String(repeating: "<p>", count: 100_000))'>"
            + "<p>attributeproof survives</p></div></body></html>", "attributeproof"),
        (Array("tiny-elements.html".utf8),
         "<html><body><p>tinyproof</p>" + String(repeating: "<i>w</i>", count: 200_000) + "</body></html>", "tinyproof"),
        (Array("nested-tables.html".utf8),
         "<html><body>" + String(repeating: "<table><tr><td>", count: 3_000) + "tableproof deep inside"
            + String(repeating: "</td></tr></table>", count: 3_000) + "</body></html>", "tableproof"),
        (Array("comments.html".utf8),
         "<html><body><!-- <p>commenthidden</p> --!> <p>still comment?</p> --> <![CDATA[ cdatatext ]]>"
            + "<script><!-- </script><p>commentproof after script</p><!--> <p>after empty comment</p>"
            + "<textarea></textarea><!-- unterminated", "commentproof"),
        (Array("mixed-encoding.html".utf8),
         "<html><head><meta charset=\"utf-8\"></head><body><p>mixedproof caf\u{E9} \u{4E2D}\u{6587}</p></body></html>", "mixedproof"),
        (Array("with space.html".utf8), "<html><body><p>spaceproof</p></body></html>", "spaceproof"),
        (Array("new\nline.html".utf8), "<html><body><p>newlineproof</p></body></html>", "newlineproof"),
        (Array("caf".utf8) + [0xE9] + Array(".html".utf8), "<html><body><p>latinnameproof</p></body></html>", "latinnameproof"),
    ]

    static func write(_ name: [UInt8], _ body: [UInt8], in folder: URL) throws {
        let path = Array(folder.path.utf8) + [UInt8(ascii: "/")] + name + [0]
        let fd = path.withUnsafeBufferPointer { raw in
            raw.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        }
        try #require(fd >= 0)
        defer { close(fd) }
        let written = body.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        try #require(written == body.count)
    }

    @Test func hostilePagesAndNamesAreIndexedOrSkippedWithAReason() throws {
        let folder = try CLIRunner.temporaryDirectory("citex-hostile")
        defer { try? FileManager.default.removeItem(at: folder) }
        let pages = folder.appendingPathComponent("pages")
        try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
        for page in Self.pages { try Self.write(page.name, Array(page.body.utf8), in: pages) }
        // Latin-1 bytes inside a page declared UTF-8, after the valid part.
        try Self.write(Array("mixed-bytes.html".utf8), Array("<html><body><p>bytesproof ".utf8) + [0xE9, 0xFF, 0xC3] + Array("</p></body></html>".utf8), in: pages)

        let index = try CLIRunner.run(["index", "pages", "--index", "idx", "--verbose"], in: folder)
        #expect(index.status == 0, "\(index.stderr)")
        let skipped = index.stderr.split(separator: "\n").filter { $0.hasPrefix("skipped ") }
        for line in skipped { #expect(line.contains(": "), "a skip without a reason: \(line)") }
        for (name, _, marker) in Self.pages + [(Array("mixed-bytes.html".utf8), "", "bytesproof")] {
            let search = try CLIRunner.run(["search", marker, "--index", "idx", "--format", "jsonl"], in: folder)
            let named = skipped.contains { $0.contains(String(decoding: name, as: UTF8.self)) }
            #expect(search.status == 0 || named, "\(marker): not found and not skipped; \(index.stderr)")
        }
        #expect(skipped.count == 1 && skipped[0].contains("not valid UTF-8"), "\(skipped)")
        #expect(try CLIRunner.run(["search", "commenthidden", "--index", "idx"], in: folder).status == 1)
        let check = try CLIRunner.run(["check", "--index", "idx"], in: folder)
        #expect(check.status == 0, "\(check.stderr)")
    }
}
