import Foundation
import Index

/// A passages file as `citex extract --format json` writes it (one document per line), decoded
/// into `Document` values before anything is timed, so a benchmark measures indexing alone, on
/// exactly the passages the peers in `Benchmarks/peers` are fed.
public struct PassagesFile {
    public struct Failure: Error, CustomStringConvertible {
        public let line: Int
        public let reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    public let documents: [Document]

    /// Bytes of title, section path and text over all passages, as `peers/passages.py` counts
    /// `fed_bytes`: what every engine tokenises.
    public let fedBytes: Int
    /// Bytes of passage text alone (`text_bytes` there), the basis of the peers' MB/s.
    public let textBytes: Int

    public var passageCount: Int { documents.reduce(0) { $0 + $1.passages.count } }

    public init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(line: 0, reason: "cannot read \(path)")
        }
        var documents: [Document] = []
        var fed = 0
        var text = 0
        for (index, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() where !line.isEmpty {
            let document = try Self.document(Data(line), line: index + 1)
            let titleBytes = document.title.utf8.count
            for passage in document.passages {
                text += passage.text.utf8.count
                fed += passage.text.utf8.count + titleBytes + passage.section.reduce(0) { $0 + $1.utf8.count }
            }
            documents.append(document)
        }
        self.documents = documents
        fedBytes = fed
        textBytes = text
    }

    private static func document(_ line: Data, line number: Int) throws -> Document {
        guard let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any],
            let path = object["path"] as? String, let passages = object["passages"] as? [[String: Any]]
        else { throw Failure(line: number, reason: "not a document object with path and passages") }
        let decoded = try passages.map { item -> Passage in
            guard let hex = item["id"] as? String, let id = PassageID(hex), let text = item["text"] as? String else {
                throw Failure(line: number, reason: "passage without a 16-digit hex id or text")
            }
            return Passage(
                id: id, ordinal: item["ordinal"] as? Int ?? 0, section: item["section"] as? [String] ?? [],
                text: text, line: item["line"] as? Int ?? 0, anchor: item["anchor"] as? String)
        }
        return Document(
            path: path, title: object["title"] as? String ?? "", url: object["url"] as? String,
            language: object["lang"] as? String, passages: decoded)
    }
}
