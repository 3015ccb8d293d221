import Foundation
import Testing
import TestSupport

/// `citex extract` end to end, on the repository's own `Corpus/`.
@Suite struct ExtractCommandTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = repository.appendingPathComponent("Corpus")

    private func objects(_ stdout: String) throws -> [[String: Any]] {
        try stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test func jsonHasOneObjectPerFileWithTheDocumentedShape() throws {
        let result = try CLIRunner.run(["extract", "--format", "json", "Corpus"], in: Self.repository)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let documents = try objects(result.stdout)
        let paths = documents.compactMap { $0["path"] as? String }
        for expected in ["icc-jurisdiction.xml", "kampala-review-1252.html", "rome-conference-letter.tei.xml", "united-states.html"] {
            #expect(paths.contains(expected))
        }
        #expect(paths == paths.sorted())
        let line = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix(#"{"path":"united-states.html""#) })
        #expect(line.hasPrefix(#"{"path":"united-states.html","title":"United States | Coalition for the International Criminal Court","url":"https://www.coalitionfortheicc.org/country/united-states","lang":"en","passages":[{"id":""#))
        let seed = try #require(documents.first { $0["path"] as? String == "united-states.html" })
        let passages = try #require(seed["passages"] as? [[String: Any]])
        #expect(passages.count == 11)
        let advocacy = passages[4]
        #expect(Array(advocacy.keys).sorted() == ["anchor", "id", "line", "ordinal", "section", "text"])
        #expect(advocacy["section"] as? [String] == ["United States", "Civil society advocacy"])
        #expect(advocacy["anchor"] as? String == "civil-society-advocacy")
        #expect(advocacy["line"] as? Int == 65)
        #expect(advocacy["ordinal"] as? Int == 4)
        #expect((advocacy["id"] as? String)?.count == 16)
        #expect(line.contains(#"\nRome Statute — Signed 31 December 2000\nCrime of agression — Not ratified"#))
        let kampala = try #require(documents.first { $0["path"] as? String == "kampala-review-1252.html" })
        #expect(kampala["lang"] is NSNull)
        #expect(kampala["url"] is NSNull)
    }

    @Test func textFormatIsReadable() throws {
        let result = try CLIRunner.run(["extract", "Corpus/united-states.html"], in: Self.repository)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("== united-states.html — United States | Coalition for the International Criminal Court\n"))
        #expect(result.stdout.contains("[4] United States › Civil society advocacy — line 65 #civil-society-advocacy — "))
        #expect(result.stdout.contains("    Rome Statute — Signed 31 December 2000\n"))
        #expect(!result.stdout.contains("cookies"))
    }

    @Test func failuresGoToStderrAndMakeTheExitNonZero() throws {
        let directory = try CLIRunner.temporaryDirectory("extract")
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data().write(to: directory.appendingPathComponent("empty.html"))
        try Data("<p>fine page</p>".utf8).write(to: directory.appendingPathComponent("good.html"))
        try Data("just notes".utf8).write(to: directory.appendingPathComponent("notes.txt"))
        let result = try CLIRunner.run(["extract", "--format", "json", "."], in: directory)
        #expect(result.status != 0)
        #expect(result.stderr.split(separator: "\n") == ["notes.txt: skipped: not HTML or XML (by extension and content)", "empty.html: empty file"])
        #expect(try objects(result.stdout).map { $0["path"] as? String } == ["good.html"])
    }

    @Test func missingPathIsAnError() throws {
        let result = try CLIRunner.run(["extract", "no-such-dir"], in: Self.repository)
        #expect(result.status != 0)
        #expect(result.stderr == "no-such-dir: no such file or directory\n")
    }

    @Test func onlySkippedFilesInsideFoldersStillSucceed() throws {
        let directory = try CLIRunner.temporaryDirectory("extract")
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("<p>fine</p>".utf8).write(to: directory.appendingPathComponent("good.html"))
        try Data("notes".utf8).write(to: directory.appendingPathComponent("notes.txt"))
        let result = try CLIRunner.run(["extract", "--min-words", "1", directory.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("    fine\n"))
    }
}
