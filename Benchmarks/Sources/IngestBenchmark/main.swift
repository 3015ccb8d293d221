import BenchmarkSupport
import Dispatch
import Foundation
import Ingest

/// Parse + extract throughput of the ingester against libxml2's bare tree parse on the same
/// preloaded HTML files, on 1 and 2 cores, reported as ratios from one run.
///
/// Usage: `ingest-benchmark [CORPUS_ROOT] [REPEATS]` (default `/work/corpus`, 3). The folders come
/// from `CORPUS_ROOT/tiers/small.dirs`, one per line, relative to CORPUS_ROOT.
let arguments = CommandLine.arguments
let corpusRoot = arguments.count > 1 ? arguments[1] : CorpusFiles.defaultRoot
let repeats = arguments.count > 2 ? Int(arguments[2]) ?? 3 : 3
let folders = CorpusFiles.folders(root: corpusRoot)
guard !folders.isEmpty else {
    FileHandle.standardError.write(Data("cannot read \(corpusRoot)/tiers/small.dirs\n".utf8))
    exit(1)
}
let pages = CorpusFiles.htmlPages(in: folders)
let totalBytes = pages.reduce(0) { $0 + $1.bytes.count }
let megabytes = Double(totalBytes) / 1e6
print("corpus: \(folders.count) folders, \(pages.count) HTML pages, \(String(format: "%.1f", megabytes)) MB (preloaded)")

/// Wall time and summed worker CPU time of one run of `work` spread over `cores` workers
/// (pages striped), and the units it reported.
func measure(cores: Int, _ work: @escaping @Sendable (Int) -> Int) -> (seconds: Double, cpu: Double, units: Int) {
    let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: cores)
    let cpu = UnsafeMutableBufferPointer<Double>.allocate(capacity: cores)
    defer {
        counts.deallocate()
        cpu.deallocate()
    }
    counts.initialize(repeating: 0)
    cpu.initialize(repeating: 0)
    nonisolated(unsafe) let sharedCounts = counts
    nonisolated(unsafe) let sharedCPU = cpu
    let start = DispatchTime.now().uptimeNanoseconds
    DispatchQueue.concurrentPerform(iterations: cores) { worker in
        let began = ThreadClock.seconds()
        var count = 0
        var index = worker
        while index < pages.count {
            count += work(index)
            index += cores
        }
        sharedCounts[worker] = count
        sharedCPU[worker] = ThreadClock.seconds() - began
    }
    let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    return (wall, cpu.reduce(0, +), counts.reduce(0, +))
}

let ingester = Ingester()
let baseline: @Sendable (Int) -> Int = { TreeParseBaseline.parse(pages[$0].bytes) ? 1 : 0 }
let ingest: @Sendable (Int) -> Int = {
    (try? ingester.ingest(contents: pages[$0].bytes, path: pages[$0].path).passages.count) ?? 0
}
_ = measure(cores: 1, ingest)

// The four configurations run interleaved, `repeats` rounds, best time of each kept: on a shared
// machine a burst of load then hurts all of them alike instead of one.
let configurations: [(name: String, cores: Int, work: @Sendable (Int) -> Int)] = [
    ("libxml2 htmlReadMemory+xmlFreeDoc", 1, baseline), ("citex parse+extract (passages)", 1, ingest),
    ("libxml2 htmlReadMemory+xmlFreeDoc", 2, baseline), ("citex parse+extract (passages)", 2, ingest),
]
var best = [Double](repeating: .infinity, count: configurations.count)
var bestCPU = [Double](repeating: .infinity, count: configurations.count)
var units = [Int](repeating: 0, count: configurations.count)
for _ in 0..<repeats {
    for (index, configuration) in configurations.enumerated() {
        let (seconds, cpu, count) = measure(cores: configuration.cores, configuration.work)
        best[index] = min(best[index], seconds)
        bestCPU[index] = min(bestCPU[index], cpu)
        units[index] = count
    }
}
var results: [String: Double] = [:]
var perCPU: [String: Double] = [:]
print("")
print("path                              cores  wall s   pages/s     MB/s   cpu s  MB/cpu-s   output")
for (index, configuration) in configurations.enumerated() {
    let seconds = best[index]
    let throughput = megabytes / seconds
    let key = "\(configuration.name)/\(configuration.cores)"
    results[key] = throughput
    perCPU[key] = megabytes / bestCPU[index]
    let row = String(
        format: "%5d %7.3f %9.0f %8.1f %7.3f %9.1f   %d", configuration.cores, seconds, Double(pages.count) / seconds,
        throughput, bestCPU[index], megabytes / bestCPU[index], units[index])
    print(configuration.name.padding(toLength: 34, withPad: " ", startingAt: 0) + row)
}
let base1 = results["libxml2 htmlReadMemory+xmlFreeDoc/1"] ?? 1
let ours1 = results["citex parse+extract (passages)/1"] ?? 0
let ours2 = results["citex parse+extract (passages)/2"] ?? 0
let cpuRatio = (perCPU["citex parse+extract (passages)/1"] ?? 0) / (perCPU["libxml2 htmlReadMemory+xmlFreeDoc/1"] ?? 1)
print("")
print(String(format: "parse+extract vs bare tree parse, 1 core:  %.2fx wall, %.2fx per CPU-second", ours1 / base1, cpuRatio))
print(String(format: "parse+extract 2 cores vs bare tree parse 1 core: %.2fx", ours2 / base1))
print(String(format: "parse+extract scaling 2 cores / 1 core: %.2fx", ours2 / ours1))
