/// A commit point: the generation, the settings, and the live segments with their
/// deletion sets. The newest readable `manifest-GEN` file *is* the index.
///
/// ```
///  manifest-<generation as 16 hex digits>   payload:
///  u64 generation │ u64 nextSegment │ u8 stemming │ u32 analyzerVersion │ varint segmentCount
///  per segment: name │ varint passageCount │ varint documentCount │ varint termCount │
///               varint deletionGeneration │ varint deletedPassages │ varint deletedDocuments │
///               per field (text, section, title): varint passagesWithField │ varint totalLength
/// ```
/// Written as `manifest-GEN.tmp`, fsynced, renamed into place and the directory fsynced: a
/// crash at any point leaves either the old or the new commit, never a mix.
struct Manifest: Equatable {
    var generation: UInt64
    var nextSegment: Int
    var settings: IndexSettings
    var segments: [SegmentInfo]

    static let prefix = "manifest-"

    static func fileName(_ generation: UInt64) -> String {
        let digits = String(generation, radix: 16)
        return prefix + String(repeating: "0", count: 16 - digits.count) + digits
    }

    var fileName: String { Self.fileName(generation) }

    /// Every file this commit needs.
    var files: Set<String> { Set(segments.flatMap(\.files) + [fileName]) }

    /// The generation of the newest manifest in `storage`, if any.
    static func latestGeneration(in storage: any Storage) throws -> UInt64? {
        try storage.list().compactMap { name -> UInt64? in
            guard name.hasPrefix(prefix), name.utf8.count == prefix.utf8.count + 16 else { return nil }
            return UInt64(name.dropFirst(prefix.count), radix: 16)
        }.max()
    }

    static func read(from storage: any Storage, generation: UInt64) throws -> Manifest {
        let file = try storage.open(fileName(generation))
        var reader = ByteReader(try file.payload(.manifest, verify: .checksum), file: file.name)
        let stored = try reader.fixed(UInt64.self)
        guard stored == generation else { throw reader.damaged("generation \(stored) in a file named for \(generation)") }
        let nextSegment = try reader.count()
        let stemming = try reader.byte() != 0
        let analyzerVersion = try reader.fixed(UInt32.self)
        var segments: [SegmentInfo] = []
        for _ in 0..<(try reader.count(below: 1 << 20)) {
            let name = try reader.string()
            guard !name.isEmpty, !name.contains("/") else { throw reader.damaged("bad segment name") }
            var info = SegmentInfo(
                name: name, passageCount: try reader.count(), documentCount: try reader.count(),
                termCount: try reader.count(below: Int.max), fieldStatistics: [],
                deletionGeneration: try reader.count(below: Int.max), deletedCount: try reader.count(),
                deletedDocumentCount: try reader.count())
            for _ in IndexField.allCases {
                info.fieldStatistics.append(FieldStatistics(
                    passageCount: try reader.count(), totalLength: try reader.count(below: Int.max)))
            }
            segments.append(info)
        }
        return Manifest(generation: generation, nextSegment: nextSegment, settings: IndexSettings(stemming: stemming, analyzerVersion: analyzerVersion),
            segments: segments)
    }

    /// Writes this manifest durably and atomically (temp, fsync, rename, fsync directory).
    func commit(to storage: any Storage) throws {
        var out = ByteWriter()
        out.appendFixed(generation)
        out.appendVarint(nextSegment)
        out.append(settings.stemming ? 1 : 0)
        out.appendFixed(settings.analyzerVersion)
        out.appendVarint(segments.count)
        for segment in segments {
            out.appendString(segment.name)
            out.appendVarint(segment.passageCount)
            out.appendVarint(segment.documentCount)
            out.appendVarint(segment.termCount)
            out.appendVarint(segment.deletionGeneration)
            out.appendVarint(segment.deletedCount)
            out.appendVarint(segment.deletedDocumentCount)
            for statistics in segment.fieldStatistics {
                out.appendVarint(statistics.passageCount)
                out.appendVarint(statistics.totalLength)
            }
        }
        let temporary = fileName + ".tmp"
        let file = try IndexFileWriter(storage: storage, name: temporary, kind: .manifest)
        try file.write(out)
        try file.finish()
        try storage.rename(temporary, to: fileName)
        try storage.syncDirectory()
    }
}
