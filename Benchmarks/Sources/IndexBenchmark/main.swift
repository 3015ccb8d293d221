// Indexing alone, from passages: what issue 3 compares with Tantivy's build from the same
// passages. Reads a `citex extract --format json` file into memory first, then times adding
// every document to an IndexWriter on a fresh temporary folder (one thread, default memory
// budget) and committing. Run:
//   swift run -c release --package-path Benchmarks index-benchmark PASSAGES.jsonl [--json]
// With --json it prints one JSON object instead, which `Benchmarks/peers` reads.
import BenchmarkSupport
import Foundation
import Index

let arguments = CommandLine.arguments
guard arguments.count > 1 else {
    print("usage: index-benchmark PASSAGES.jsonl [--json]  (from citex extract --format json)")
    exit(2)
}
let input: PassagesFile
do {
    input = try PassagesFile(contentsOf: arguments[1])
} catch {
    FileHandle.standardError.write(Data("index-benchmark: \(arguments[1]): \(error)\n".utf8))
    exit(1)
}
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("index-benchmark-\(UUID().uuidString)").path
defer { try? FileManager.default.removeItem(atPath: folder) }

let wallStart = Date()
let cpuStart = ThreadClock.seconds()
let writer = try IndexWriter(storage: FileSystemStorage(path: folder, create: true))
for document in input.documents {
    let bytes = document.passages.reduce(0) { $0 + $1.text.utf8.count }
    try writer.add(document, source: SourceStamp(absolutePath: "/" + document.path, size: bytes, modified: 0, contentHash: 0))
}
_ = try writer.commit(compact: false)
writer.close()
let cpu = ThreadClock.seconds() - cpuStart
let wall = Date().timeIntervalSince(wallStart)

var indexBytes = 0
if let files = FileManager.default.enumerator(atPath: folder) {
    for case let name as String in files {
        let size = (try? FileManager.default.attributesOfItem(atPath: folder + "/" + name)[.size] as? Int) ?? nil
        indexBytes += size ?? 0
    }
}
if arguments.dropFirst(2).contains("--json") {
    let figures: [String: Any] = [
        "documents": input.documents.count, "passages": input.passageCount, "text_bytes": input.textBytes,
        "fed_bytes": input.fedBytes, "cpu_s": cpu, "wall_s": wall, "size_bytes": indexBytes,
    ]
    let json = try JSONSerialization.data(withJSONObject: figures, options: [.sortedKeys])
    print(String(decoding: json, as: UTF8.self))
    exit(0)
}
let fedMB = Double(input.fedBytes) / 1e6
let textMB = Double(input.textBytes) / 1e6
print("documents \(input.documents.count), passages \(input.passageCount)")
print(String(format: "passage text %.1f MB (title + section + text %.1f MB)", textMB, fedMB))
print(String(format: "seconds: %.2f CPU (this thread), %.2f wall", cpu, wall))
print(String(format: "MB/s of passage text: %.1f per CPU-second, %.1f per wall second", textMB / cpu, textMB / wall))
print(String(format: "MB/s of title + section + text: %.1f per CPU-second, %.1f per wall second", fedMB / cpu, fedMB / wall))
print(String(format: "index %.1f MB (%.2f x passage text)", Double(indexBytes) / 1e6, Double(indexBytes) / Double(max(input.textBytes, 1))))
