import Foundation
import Index
import Ingest

/// Loads and ingests the pages under `Fixtures/` and the repository's `Corpus/`.
///
/// The bundled `Corpus/` pages are fixtures too: tests read them where a person sees them, so
/// what the README's first command shows and what the tests pin down never drift apart.
enum Fixture {
    static func bytes(_ name: String) throws -> [UInt8] {
        if let url = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil) {
            return [UInt8](try Data(contentsOf: url))
        }
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return [UInt8](try Data(contentsOf: repository.appendingPathComponent("Corpus").appendingPathComponent(name)))
    }

    static func document(_ name: String, options: IngestOptions = IngestOptions()) throws -> Document {
        try Ingester(options: options).ingest(contents: bytes(name), path: name)
    }

    static func ingest(_ html: String, path: String = "page.html", options: IngestOptions = IngestOptions()) throws -> Document {
        try Ingester(options: options).ingest(contents: Array(html.utf8), path: path)
    }

    /// All passage text of a document, for "never leaks" checks.
    static func allText(_ document: Document) -> String {
        document.passages.map(\.text).joined(separator: "\n") + "\n" + document.passages.flatMap(\.section).joined(separator: "\n")
    }
}
