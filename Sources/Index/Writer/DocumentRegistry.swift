/// The writer's record of every document it knows: source path, stamp (size, mtime, hash),
/// where the document lives and which passages are its own.
///
/// Why packed: this is the one writer structure that grows with the number of files rather
/// than with the buffered text, so it must stay small (a dictionary of `String` keys to
/// structs cost about 0.4 KB a file). Paths are bytes in one arena, every other field a
/// fixed-width column, and lookups go through an open-addressing table of record numbers:
///
/// ```
///  arena:    path bytes of record 0 │ record 1 │ …           (never moved, never shrunk)
///  columns:  pathEnd hash │ size modified contentHash │ segment document
///            firstPassage passageEnd │ flags (live, seen)      — one entry per record
///  slots:    Int32 record number or -1, power-of-two count, at most half full
/// ```
/// About 55 bytes a file plus its path (a path starts where the previous record's ends). A removed document keeps its record (marked not
/// live), and adding the same path again revives it, so records never need tombstones.
/// Paths compare as bytes: two spellings of one name (NFC and NFD) are two files on disk.
struct DocumentRegistry {
    /// A record's number (its row in the columns).
    struct Record: RawRepresentable, Hashable, Sendable {
        var rawValue: UInt32
    }

    /// `segment` column value of a document in the writer's unflushed buffer.
    static let buffered: Int32 = -1
    private static let live: UInt8 = 1
    private static let seen: UInt8 = 2

    private var arena: [UInt8] = []
    /// Where each record's path ends in `arena`; it starts where the previous one ends.
    private var pathEnds: [Int] = []
    private var hashes: [UInt32] = []
    private var sizes: [Int] = []
    private var modified: [Int64] = []
    private var contentHashes: [UInt64] = []
    /// Index into `segmentNames`, or `buffered`.
    private var segments: [Int32] = []
    private var documents: [UInt32] = []
    private var firstPassages: [UInt32] = []
    private var passageEnds: [UInt32] = []
    private var flags: [UInt8] = []
    private var slots = [Int32](repeating: -1, count: 1 << 10)
    /// Segment names referred to by the `segments` column (a handful per run).
    private var segmentNames: [String] = []
    private var segmentNumbers: [String: Int32] = [:]
    private(set) var liveCount = 0

    /// Bytes held, counting the slack of growing arrays (up to twice their contents).
    var estimatedBytes: Int {
        arena.count * 2 + pathEnds.count * 2 * 53 + slots.count * 4
    }

    /// The live record for `path`, if any.
    func find(_ path: String) -> Record? {
        guard let record = lookup(path), flags[Int(record.rawValue)] & Self.live != 0 else { return nil }
        return record
    }

    /// The record for `path` (live or not), or nil when the path was never registered.
    private func lookup(_ path: String) -> Record? {
        var path = path
        return path.withUTF8 { bytes in
            let hash = Self.hash(bytes)
            var slot = Int(hash) & (slots.count - 1)
            while slots[slot] >= 0 {
                let record = Int(slots[slot])
                if hashes[record] == hash, matches(record, bytes) { return Record(rawValue: UInt32(record)) }
                slot = (slot + 1) & (slots.count - 1)
            }
            return nil
        }
    }

    private func matches(_ record: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let path = pathRange(record)
        guard path.count == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { arena in
            bytes.elementsEqual(UnsafeBufferPointer(rebasing: arena[path]))
        }
    }

    /// Where record `row`'s path lies in `arena`.
    private func pathRange(_ row: Int) -> Range<Int> {
        (row == 0 ? 0 : pathEnds[row - 1])..<pathEnds[row]
    }

    /// Records `stamp`'s path as live in `segment` (a `segmentNumber` or `buffered`) with
    /// `passages`, reviving or overwriting the path's record.
    @discardableResult
    mutating func register(
        _ stamp: SourceStamp, segment: Int32, document: DocumentNumber, passages: Range<PassageNumber>, seen: Bool = true
    ) -> Record {
        let record = lookup(stamp.absolutePath) ?? insert(stamp.absolutePath)
        let row = Int(record.rawValue)
        if flags[row] & Self.live == 0 { liveCount += 1 }
        flags[row] = seen ? Self.live | Self.seen : Self.live
        sizes[row] = stamp.size
        modified[row] = stamp.modified
        contentHashes[row] = stamp.contentHash
        segments[row] = segment
        documents[row] = document.rawValue
        firstPassages[row] = passages.lowerBound.rawValue
        passageEnds[row] = passages.upperBound.rawValue
        return record
    }

    private mutating func insert(_ path: String) -> Record {
        if (pathEnds.count + 1) * 2 > slots.count { grow() }
        let row = pathEnds.count
        var path = path
        let hash = path.withUTF8 { bytes in
            arena.append(contentsOf: bytes)
            return Self.hash(bytes)
        }
        pathEnds.append(arena.count)
        hashes.append(hash)
        sizes.append(0)
        modified.append(0)
        contentHashes.append(0)
        segments.append(Self.buffered)
        documents.append(0)
        firstPassages.append(0)
        passageEnds.append(0)
        flags.append(0)
        place(row)
        return Record(rawValue: UInt32(row))
    }

    private mutating func place(_ row: Int) {
        var slot = Int(hashes[row]) & (slots.count - 1)
        while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
        slots[slot] = Int32(row)
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for row in pathEnds.indices { place(row) }
    }

    /// Marks `record` removed (its document deleted or replaced by nothing).
    mutating func remove(_ record: Record) {
        let row = Int(record.rawValue)
        if flags[row] & Self.live != 0 { liveCount -= 1 }
        flags[row] &= ~Self.live
    }

    /// Marks the live record for `path` seen; returns it.
    mutating func visit(_ path: String) -> Record? {
        guard let record = find(path) else { return nil }
        flags[Int(record.rawValue)] |= Self.seen
        return record
    }

    func path(_ record: Record) -> String {
        String(decoding: arena[pathRange(Int(record.rawValue))], as: UTF8.self)
    }

    func stamp(_ record: Record) -> SourceStamp {
        let row = Int(record.rawValue)
        return SourceStamp(absolutePath: path(record), size: sizes[row], modified: modified[row], contentHash: contentHashes[row])
    }

    /// The segment name of a live record (nil when the document is in the buffer).
    func segment(_ record: Record) -> String? {
        let index = segments[Int(record.rawValue)]
        return index == Self.buffered ? nil : segmentNames[Int(index)]
    }

    func document(_ record: Record) -> DocumentNumber { DocumentNumber(rawValue: documents[Int(record.rawValue)]) }

    func passages(_ record: Record) -> Range<PassageNumber> {
        let row = Int(record.rawValue)
        return PassageNumber(rawValue: firstPassages[row])..<PassageNumber(rawValue: passageEnds[row])
    }

    /// The column value naming segment `name` (registered on first use).
    mutating func segmentNumber(_ name: String) -> Int32 {
        if let number = segmentNumbers[name] { return number }
        let number = Int32(segmentNames.count)
        segmentNames.append(name)
        segmentNumbers[name] = number
        return number
    }

    /// Moves a live record to `document` of segment `segment` (a column value), with `passages`.
    mutating func move(_ record: Record, segment: Int32, document: DocumentNumber, passages: Range<PassageNumber>) {
        let row = Int(record.rawValue)
        segments[row] = segment
        documents[row] = document.rawValue
        firstPassages[row] = passages.lowerBound.rawValue
        passageEnds[row] = passages.upperBound.rawValue
    }

    /// Live records, in registration order.
    var liveRecords: [Record] {
        flags.indices.compactMap { flags[$0] & Self.live != 0 ? Record(rawValue: UInt32($0)) : nil }
    }

    /// Live records never marked seen (by `register` or `visit`).
    var unseenRecords: [Record] {
        flags.indices.compactMap { flags[$0] == Self.live ? Record(rawValue: UInt32($0)) : nil }
    }

    /// FNV-1a folded to 32 bits.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
    }
}
