/// Merges segments into one, dropping deleted documents and their passages.
///
/// Reads each input sequentially (passage store block by block, term dictionaries in
/// lockstep) and writes through `SegmentFilesWriter`, so memory stays proportional to one
/// term's postings, not to the segments.
enum SegmentMerger {
    /// Passages, or term positions, read between two `SegmentReader.dropResidentPages` calls:
    /// a merge's resident size then stays near what it reads in one stretch.
    static let residentStretch = 1 << 18

    /// The merged segment and, per input, each old document number's new number (nil if dropped).
    struct Result {
        var info: SegmentInfo
        var documentMaps: [[DocumentNumber?]]
    }

    static func merge(
        _ inputs: [(reader: SegmentReader, deletions: SegmentDeletions)], into storage: any Storage, name: String
    ) throws -> Result {
        var passageMaps: [[UInt32]] = []
        var documentMaps: [[DocumentNumber?]] = []
        var documentCount = 0
        var passageCount: UInt32 = 0
        let writer = try SegmentFilesWriter(storage: storage, name: name, passageSample: try sample(inputs.map(\.reader)))
        for (reader, deletions) in inputs {
            var map = [UInt32](repeating: .max, count: reader.passageCount)
            var documentMap = [DocumentNumber?](repeating: nil, count: reader.documentCount)
            try reader.documentStore.forEach { number, record in
                guard !deletions.documents.contains(number) else { return }
                var document = try StoredDocument.decode(&record)
                let range = reader.passageRange(of: DocumentNumber(number))
                documentMap[number] = DocumentNumber(documentCount)
                documentCount += 1
                document.firstPassage = PassageNumber(rawValue: passageCount)
                for old in range.lowerBound.rawValue..<range.upperBound.rawValue where Int(old) < map.count {
                    map[Int(old)] = passageCount
                    passageCount += 1
                }
                try writer.addDocument(document)
            }
            passageMaps.append(map)
            documentMaps.append(documentMap)
        }
        var norms = IndexField.allCases.map { _ in [UInt32]() }
        for (i, (reader, _)) in inputs.enumerated() {
            try reader.passageStore.forEach { number, record in
                if number % (residentStretch / 64) == 0 { reader.dropResidentPages() }
                guard passageMaps[i][number] != .max else { return }
                let stored = try StoredPassage.decode(&record, id: reader.passageID(PassageNumber(number)))
                guard let document = documentMaps[i][Int(stored.document.rawValue)] else {
                    throw IndexError.damaged(reader.passageStore.file, "passage \(number) belongs to a deleted document")
                }
                try writer.addPassage(stored.passage, document: document)
                for field in IndexField.allCases { norms[Int(field.rawValue)].append(reader.norms(field)[number]) }
            }
        }
        for (reader, _) in inputs { reader.dropResidentPages() }
        try mergeTerms(inputs.map(\.reader), passageMaps: passageMaps, norms: norms, writer: writer)
        return Result(info: try writer.finish(norms: norms), documentMaps: documentMaps)
    }

    /// Passages spread evenly over `readers` (deleted ones included: they are few, and only
    /// shape the dictionary), for the merged passage store's dictionary.
    private static func sample(_ readers: [SegmentReader]) throws -> [StoredPassage] {
        let total = readers.reduce(0) { $0 + $1.passageCount }
        var sample: [StoredPassage] = []
        var reader = 0, start = 0
        for number in SegmentFilesWriter.passageSampleNumbers(count: total) {
            while number >= start + readers[reader].passageCount {
                start += readers[reader].passageCount
                reader += 1
            }
            sample.append(try readers[reader].passage(PassageNumber(number - start)))
        }
        return sample
    }

    /// Walks all dictionaries in key order; for each key, concatenates the inputs' live
    /// postings (renumbered) and writes them if any remain.
    private static func mergeTerms(
        _ readers: [SegmentReader], passageMaps: [[UInt32]], norms: [[UInt32]], writer: SegmentFilesWriter
    ) throws {
        var terms = try MergedTermIterator(readers)
        var scratch = PostingsScratch()
        var positions: [UInt32] = []
        var read = 0
        while try terms.next() {
            let key = terms.key
            guard let first = key.first, let field = IndexField(rawValue: first) else {
                throw IndexError.damaged(readers[0].info.fileName("terms"), "term of unknown field \(key.first ?? 0)")
            }
            scratch.removeAll()
            for (i, info) in terms.holders {
                var cursor = readers[i].postings(info)
                while cursor.passage != .end {
                    let mapped = passageMaps[i][Int(cursor.passage.rawValue)]
                    if mapped != .max {
                        scratch.passages.append(mapped)
                        scratch.freqs.append(cursor.frequency)
                        cursor.positions(into: &positions)
                        scratch.positions.append(contentsOf: positions)
                        read += positions.count + 1
                        if read >= residentStretch {
                            for reader in readers { reader.dropResidentPages() }
                            read = 0
                        }
                    }
                    cursor.next()
                }
                if cursor.isDamaged {
                    throw readers[i].damage
                        ?? IndexError.damaged(readers[i].info.fileName("postings"), "postings of a term are inconsistent")
                }
            }
            guard !scratch.passages.isEmpty else { continue }
            try norms[Int(field.rawValue)].withUnsafeBytes { lengths in
                try key.withUnsafeBytes { keyBytes in
                    try scratch.write(
                        key: keyBytes, norms: NormsView(base: lengths.baseAddress, width: 4, count: lengths.count / 4),
                        to: writer)
                }
            }
        }
    }
}
