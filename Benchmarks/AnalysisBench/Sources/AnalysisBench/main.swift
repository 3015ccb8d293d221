import Analysis
import Foundation

/// Loads the text of every .xml/.html/.htm/.txt file under the given paths (tags stripped
/// crudely, which is enough for throughput), up to `limit` bytes.
nonisolated func loadText(_ paths: [String], limit: Int) -> [UInt8] {
    var text: [UInt8] = []
    let manager = FileManager.default
    var files: [String] = []
    for path in paths {
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
        if isDirectory.boolValue {
            let enumerator = manager.enumerator(atPath: path)
            while let relative = enumerator?.nextObject() as? String {
                if [".xml", ".html", ".htm", ".txt", ".page"].contains(where: relative.hasSuffix) {
                    files.append(path + "/" + relative)
                }
            }
        } else {
            files.append(path)
        }
    }
    for file in files.sorted() where text.count < limit {
        guard let data = manager.contents(atPath: file) else { continue }
        var inTag = false
        for byte in data {
            if byte == UInt8(ascii: "<") { inTag = true } else if byte == UInt8(ascii: ">") {
                inTag = false
                text.append(0x20)
            } else if !inTag {
                text.append(byte)
            }
        }
        text.append(0x0A)
    }
    return text
}

/// CPU time of the calling thread: steadier than wall time on a machine shared with builds.
nonisolated func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

/// Best of `rounds` runs: seconds, tokens, and a checksum so nothing is optimised away.
nonisolated func measure(_ text: [UInt8], analyzer: Analyzer, rounds: Int) -> (seconds: Double, tokens: Int, checksum: Int) {
    var best = Double.infinity
    var tokens = 0
    var checksum = 0
    for _ in 0..<rounds {
        var count = 0
        var sum = 0
        let start = threadCPUSeconds()
        text.withUnsafeBufferPointer { buffer in
            analyzer.analyze(buffer) { token in
                count += 1
                sum &+= token.term.count &+ Int(token.term[0])
            }
        }
        let seconds = threadCPUSeconds() - start
        best = min(best, seconds)
        tokens = count
        checksum = sum
    }
    return (best, tokens, checksum)
}

let arguments = Array(CommandLine.arguments.dropFirst())
let paths = arguments.isEmpty ? ["/work/shared/eval/cranfield/docs"] : arguments
var text = loadText(paths, limit: 64 << 20)
let loaded = text
while text.count < 16 << 20 && !loaded.isEmpty { text += loaded }  // enough bytes for a stable rate
let nonASCII = text.lazy.filter { $0 >= 0x80 }.count
print(String(format: "%@: %.1f MB of text (repeated to %.1f MB), %.1f%% non-ASCII bytes", paths.joined(separator: " "),
             Double(loaded.count) / 1e6, Double(text.count) / 1e6, 100 * Double(nonASCII) / Double(max(text.count, 1))))
for (name, analyzer) in [("tokenize+fold", Analyzer(stemming: false)), ("tokenize+fold+stem", Analyzer())] {
    let result = measure(text, analyzer: analyzer, rounds: 7)
    print(String(format: "  %-20@ %7.1f MB/s  %6.1f Mtokens/s  (%d tokens, checksum %d)", name,
                 Double(text.count) / result.seconds / 1e6, Double(result.tokens) / result.seconds / 1e6,
                 result.tokens, result.checksum))
}
