import Analysis
import Search
import Foundation

/// Cranfield with a plain BM25 (k1 1.2, b 0.75, title + text as one field, OR queries) under
/// several analysis choices, to see what each choice is worth before the real engine exists.

/// The text of `<tag>…</tag>` in a Cranfield document.
nonisolated func element(_ tag: String, in xml: String) -> String {
    guard let open = xml.range(of: "<\(tag)>"), let close = xml.range(of: "</\(tag)>", range: open.upperBound..<xml.endIndex)
    else { return "" }
    return String(xml[open.upperBound..<close.lowerBound])
}

/// Query-side choices.
struct Variant {
    var name: String
    var stemming = true
    var dropStopwords = false
    var compoundWholes = true
}

nonisolated func run(_ variant: Variant, documents: [(id: String, text: String)], queries: [(id: String, text: String)]) -> TRECRun {
    let analyzer = Analyzer(stemming: variant.stemming)
    var postings: [String: [(document: Int, frequency: Int)]] = [:]
    var lengths: [Int] = []
    for (index, document) in documents.enumerated() {
        var frequencies: [String: Int] = [:]
        var length = 0
        analyzer.analyze(document.text) { token in
            frequencies[String(decoding: token.term, as: UTF8.self), default: 0] += 1
            if !token.isCompoundWhole { length += 1 }
        }
        for (term, frequency) in frequencies { postings[term, default: []].append((index, frequency)) }
        lengths.append(length)
    }
    let averageLength = Double(lengths.reduce(0, +)) / Double(lengths.count)
    let count = Double(documents.count)
    var entries: [String: [TRECRun.Entry]] = [:]
    for query in queries {
        var scores = [Double](repeating: 0, count: documents.count)
        let terms = analyzer.queryTerms(query.text).filter {
            !(variant.dropStopwords && $0.isStopword) && (variant.compoundWholes || !$0.isCompoundWhole)
        }
        for term in terms {
            guard let list = postings[term.term] else { continue }
            let idf = log(1 + (count - Double(list.count) + 0.5) / (Double(list.count) + 0.5))
            for (document, frequency) in list {
                let tf = Double(frequency)
                let norm = 1.2 * (0.25 + 0.75 * Double(lengths[document]) / averageLength)
                scores[document] += idf * tf * 2.2 / (tf + norm)
            }
        }
        let top = scores.indices.filter { scores[$0] > 0 }.sorted { scores[$0] > scores[$1] }.prefix(100)
        entries[query.id] = top.enumerated().map { rank, document in
            TRECRun.Entry(document: documents[document].id, rank: rank + 1, score: scores[document])
        }
    }
    return TRECRun(entries: entries)
}

let directory = CommandLine.arguments.dropFirst().first ?? "/work/shared/eval/cranfield"
let manager = FileManager.default
let names = ((try? manager.contentsOfDirectory(atPath: directory + "/docs")) ?? []).filter { $0.hasSuffix(".xml") }.sorted()
let documents: [(id: String, text: String)] = names.compactMap { name in
    guard let xml = try? String(contentsOfFile: directory + "/docs/" + name, encoding: .utf8) else { return nil }
    return (String(name.dropLast(4)), element("title", in: xml) + "\n" + element("text", in: xml))
}
let queryText = (try? String(contentsOfFile: directory + "/queries.tsv", encoding: .utf8)) ?? ""
let queries: [(id: String, text: String)] = queryText.split(separator: "\n").compactMap { line in
    let fields = line.split(separator: "\t", maxSplits: 1)
    return fields.count == 2 ? (String(fields[0]), String(fields[1])) : nil
}
let qrels = try Qrels(parsing: String(contentsOfFile: directory + "/qrels.txt", encoding: .utf8))
print("\(documents.count) documents, \(queries.count) queries")
for variant in [
    Variant(name: "stem, all query terms"),
    Variant(name: "stem, stopwords dropped", dropStopwords: true),
    Variant(name: "stem, stopwords dropped, no wholes", dropStopwords: true, compoundWholes: false),
    Variant(name: "no stemming, stopwords dropped", stemming: false, dropStopwords: true),
] {
    let mean = Evaluation(run: run(variant, documents: documents, queries: queries), qrels: qrels).mean
    let name = variant.name.padding(toLength: 40, withPad: " ", startingAt: 0)
    print(String(format: "  %@ nDCG@10 %.4f  AP@100 %.4f  R@100 %.4f", name,
                 mean.ndcgAt10, mean.averagePrecisionAt100, mean.recallAt100))
}
