import Foundation
import Index
import Ingest
import Testing
import TestSupport

@Suite struct ParallelIngestTests {
    /// The parallel path must equal the obvious one-file-at-a-time reference, in input order.
    @Test func matchesSequentialResultsInInputOrder() throws {
        let root = try CLIRunner.temporaryDirectory("parallel")
        defer { try? FileManager.default.removeItem(at: root) }
        var generator = SeededGenerator(seed: 3)
        for index in 0..<150 {
            let words = (0..<Int.random(in: 0...60, using: &generator)).map { _ in "w\(Int.random(in: 0..<50, using: &generator))" }
            let body = index % 17 == 0 ? "" : "<h1>Page \(index)</h1><p>\(words.joined(separator: " "))</p>"
            try Data(body.utf8).write(to: root.appendingPathComponent(String(format: "p%03d.html", index)))
        }
        let files = SourceWalker.walk([root.path]).files
        let ingester = Ingester()
        var parallel: [(String, Result<Document, IngestError>)] = []
        ingester.ingest(files: files) { file, result in parallel.append((file.relativePath, result)) }
        let reference = files.map { file in
            (file.relativePath, Result { () throws(IngestError) in
                try ingester.ingest(contents: [UInt8](try! Data(contentsOf: URL(fileURLWithPath: file.absolutePath))), path: file.relativePath)
            })
        }
        #expect(parallel.map(\.0) == reference.map(\.0))
        #expect(parallel.map { try? $0.1.get() } == reference.map { try? $0.1.get() })
        #expect(parallel.filter { (try? $0.1.get()) == nil }.count == 9)
    }

    @Test func unreadableFilesAreReportedInPlace() {
        let files = [
            SourceFile(absolutePath: "/nonexistent/citex/a.html", relativePath: "a.html", size: 0, modified: 0),
        ]
        var results: [Result<Document, IngestError>] = []
        Ingester().ingest(files: files) { _, result in results.append(result) }
        #expect(results.count == 1)
        if case .failure(let error) = results.first {
            #expect(error == IngestError(path: "a.html", reason: "cannot read file"))
        } else {
            Issue.record("expected a failure")
        }
    }
}
