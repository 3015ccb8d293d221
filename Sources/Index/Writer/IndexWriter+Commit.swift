/// Committing: flush, merge, write deletion sets and the manifest, then delete what the new
/// commit no longer references.
extension IndexWriter {
    /// Makes every change since the last commit durable and visible to new readers.
    /// With nothing to do (no change, nothing to compact) it writes nothing.
    ///
    /// - Parameter compact: merge everything into one segment (dropping deleted passages).
    /// - Returns: the new generation.
    @discardableResult
    public func commit(compact: Bool = false) throws -> UInt64 {
        guard !failed, lock != nil else {
            throw IndexError(.invalid, file: storage.location, reason: "writer closed after an earlier failure; open a new one")
        }
        let compactable = segments.count > 1 || segments.contains { $0.info.deletedCount > 0 }
        guard hasChanges || (compact && compactable) || manifest.generation == 0 else { return manifest.generation }
        do {
            try flush()
            segments.removeAll { $0.deletions.documents.count >= $0.info.documentCount }
            try merge(compact: compact)
            var next = manifest
            next.generation += 1
            next.segments = []
            for index in segments.indices {
                if segments[index].deletionsChanged {
                    var info = segments[index].info
                    info.deletionGeneration = Int(next.generation)
                    info.deletedCount = segments[index].deletions.passages.count
                    info.deletedDocumentCount = segments[index].deletions.documents.count
                    try segments[index].deletions.write(to: storage, name: info.deletionFile ?? "")
                    segments[index].info = info
                    segments[index].deletionsChanged = false
                }
                next.segments.append(segments[index].info)
            }
            try next.commit(to: storage)
            manifest = next
            flushCount = 0
            hasChanges = false
        } catch {
            failed = true
            throw error
        }
        // The commit is durable: failing to delete superseded files only leaves garbage the
        // next writer removes, so it must not report the commit as failed.
        try? removeUnreferencedFiles(keeping: manifest.files)
        return manifest.generation
    }

    /// Applies the merge policy (or merges everything) until it asks for nothing more.
    private func merge(compact: Bool) throws {
        if compact {
            if segments.count > 1 || segments.contains(where: { $0.deletions.passages.count > 0 || $0.deletions.documents.count > 0 }) {
                try merge(segments.map(\.info.name))
            }
            return
        }
        for _ in 0..<8 {
            let current = segments.map { segment -> SegmentInfo in
                var info = segment.info
                info.deletedCount = segment.deletions.passages.count
                return info
            }
            let groups = options.mergePolicy.merges(current)
            if groups.isEmpty { return }
            for group in groups { try merge(group) }
        }
    }

    /// Merges the named segments into a new one, placed where the first of them was.
    private func merge(_ names: [String]) throws {
        let members = segments.filter { names.contains($0.info.name) }
        guard !members.isEmpty else { return }
        let inputs = try members.map { (reader: try reader($0.info), deletions: $0.deletions) }
        let name = "seg\(manifest.nextSegment)"
        manifest.nextSegment += 1
        let result = try SegmentMerger.merge(inputs, into: storage, name: name)
        var records = [DocumentRegistry.Record?](repeating: nil, count: result.info.documentCount)
        for (member, map) in zip(members, result.documentMaps) {
            for (old, new) in map.enumerated() {
                guard let new, let record = member.records[old] else { continue }
                records[Int(new.rawValue)] = record
            }
        }
        let merged = try SegmentReader(storage: storage, info: result.info, verify: .onFirstRead)
        readers[name] = merged
        let column = registry.segmentNumber(name)
        for (number, record) in records.enumerated() {
            guard let record else { continue }
            registry.move(
                record, segment: column, document: DocumentNumber(number),
                passages: merged.passageRange(of: DocumentNumber(number)))
        }
        let position = segments.firstIndex { names.contains($0.info.name) } ?? segments.count
        segments.removeAll { names.contains($0.info.name) }
        for member in members { readers[member.info.name] = nil }
        segments.insert(
            WorkingSegment(
                info: result.info,
                deletions: SegmentDeletions(passageCount: result.info.passageCount, documentCount: result.info.documentCount),
                deletionsChanged: false, records: records),
            at: min(position, segments.count))
    }

    /// Deletes the index's own files that `keeping` does not name: files of superseded commits,
    /// merged-away segments, and leftovers of an interrupted writer. Anything else in the folder
    /// (a README, a person's own files when `--index` points at the wrong place) is left alone.
    func removeUnreferencedFiles(keeping: Set<String>) throws {
        for name in try storage.list() where Self.isIndexFile(name) && !keeping.contains(name) {
            try storage.remove(name)
        }
    }

    /// Whether `name` is one the writer creates: `manifest-…` or `seg<N>.…`, and their `.tmp` forms.
    static func isIndexFile(_ name: String) -> Bool {
        if name.hasPrefix(Manifest.prefix) { return true }
        guard name.hasPrefix("seg") else { return false }
        let rest = name.dropFirst(3)
        return rest.first?.isASCII == true && rest.first?.isNumber == true
    }
}
