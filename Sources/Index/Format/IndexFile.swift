/// The frame every index file shares: a header naming what the file is and which format
/// version wrote it, a table of chunk checksums, and a footer with a checksum of everything
/// before it.
///
/// ```
///  0        4        8                   c                 c+4k      n-16     n-12     n-8        n
///  ┌────────┬────────┬──── payload ──────┬─ chunk table ────┬────────┬────────┬────────┬──────────┐
///  │ magic  │version │ (layout depends   │ u32 × k: low     │ k u32  │ "CXFT" │ log2 of│ xxh64 u64│
///  │        │        │  on the kind)     │ half of xxh64    │        │        │ chunk  │ of 0..<n-8│
///  └────────┴────────┴───────────────────┴──────────────────┴────────┴────────┴────────┴──────────┘
///  └─ chunk 0 ─┴─ chunk 1 ─┴ … ─┴ chunk k-1 ┘  (bytes 0..<c cut in 2^log2-byte chunks, the last shorter)
/// ```
/// All integers little-endian. The file checksum (XXH64, seed 0) covers bytes `0..<n-8`;
/// `citex check` and the small files use it. Entry `i` of the chunk table is the low 32 bits
/// of the XXH64 of chunk `i`: a reader of the large files verifies a chunk the first time it
/// touches it (`CheckedFile`), so a search pays for the bytes it reads, not for the file.
/// A truncated file loses its footer magic; a flipped byte fails a checksum.
public enum IndexFileKind: UInt32, Sendable, CaseIterable {
    case manifest = 0x5458_434D       // "MCXT"
    case terms = 0x4454_5843          // "CXTD"
    case postings = 0x4F50_5843       // "CXPO"
    case positions = 0x5350_5843      // "CXPS"
    case norms = 0x4E4E_5843          // "CXNN"
    case passages = 0x5450_5843       // "CXPT"
    case documents = 0x4F44_5843      // "CXDO"
    case deletions = 0x4544_5843      // "CXDE"

    /// The format version this build writes. A shipped version is never edited: a new layout
    /// gets a new number. Version 1 had no chunk table; version 2 had no dictionary in record
    /// stores (`RecordStoreWriter`); versions 2 and 3 had no byte length before a skip
    /// entry's impacts (`PostingsEncoder`). Both differences are small, so 2 and 3 are still read.
    public static let currentVersion: UInt32 = 4
    /// The versions this build reads.
    public static let readableVersions: ClosedRange<UInt32> = 2...currentVersion
    static let footerMagic: UInt32 = 0x5446_5843 // "CXFT"
    static let headerSize = 8
    static let footerSize = 20
    /// Chunks of 4 KiB, a page: verifying a read hashes little beyond the pages it touches
    /// anyway, for a table of 0.1 % of the file. Measured against 16 and 64 KiB in README
    /// "On-disk format"; a reader takes any size the footer names.
    static let chunkShift: UInt32 = 12
    /// The passage store's chunks are 1 KiB: a hit reads one block of 400 to 600 compressed
    /// bytes there, and hashing the 4 KiB around it was 1.7 K of the 14.8 K instructions a
    /// hit cost (the table: 0.4 % of the file).
    static let passageChunkShift: UInt32 = 10

    /// The chunk size (log2) a writer gives a file of this kind.
    var writtenChunkShift: UInt32 { self == .passages ? Self.passageChunkShift : Self.chunkShift }
}

/// How much of a file to check when opening it.
public enum Verification: Sendable {
    /// Magic, version, size and footer on open, and each chunk's checksum the first time a
    /// read touches it: costs what the search reads, never serves a damaged byte.
    case onFirstRead
    /// The checksum of every byte on open: catches any flipped bit before anything is read,
    /// costs one pass over the file.
    case checksum
}

extension MappedFile {
    /// Checks the frame of this file (and with `.checksum` every byte) and returns its payload,
    /// for a small file read whole on open.
    func payload(_ kind: IndexFileKind, verify: Verification) throws -> UnsafeRawBufferPointer {
        try CheckedFile(self, kind: kind, verify: verify).payload
    }
}

/// Writes one index file front to back through a buffer, hashing the file and each chunk
/// as it goes, so a file of any size is written in one pass with constant memory.
final class IndexFileWriter {
    let name: String
    private let output: any StorageOutput
    private var buffer: [UInt8] = []
    private var hasher = XXHash64()
    /// The hash of the chunk being written, and how many of its bytes it has seen.
    private var chunkHasher = XXHash64()
    private var chunkFill = 0
    private var chunkTable = ByteWriter()
    private var chunkCount: UInt32 = 0
    private let chunkShift: UInt32
    private let chunkSize: Int
    /// Set once the payload has ended: the table and footer are not chunked.
    private var payloadEnded = false
    /// Bytes written so far, header included: the offset the next byte will have in the file.
    private(set) var offset = 0
    private var done = false
    private static let flushSize = 1 << 18

    /// `version` other than the current one is for tests of what older builds wrote.
    init(storage: any Storage, name: String, kind: IndexFileKind, version: UInt32 = IndexFileKind.currentVersion) throws {
        self.name = name
        chunkShift = kind.writtenChunkShift
        chunkSize = 1 << Int(chunkShift)
        output = try storage.create(name)
        buffer.reserveCapacity(Self.flushSize + 4096)
        var header = ByteWriter()
        header.appendFixed(kind.rawValue)
        header.appendFixed(version)
        try write(header.bytes)
    }

    deinit { if !done { output.abandon() } }

    /// Offset of the next byte relative to the payload start (what readers index by).
    var payloadOffset: Int { offset - IndexFileKind.headerSize }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        buffer.append(contentsOf: bytes)
        offset += bytes.count
        if buffer.count >= Self.flushSize { try flush() }
    }

    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { raw in try write(raw) }
    }

    func write(_ writer: ByteWriter) throws { try write(writer.bytes) }

    /// Hashes and writes every whole 32-byte stripe, keeping the rest for later. Chunk sizes
    /// are multiples of 32, so chunk boundaries fall between stripes.
    private func flush() throws {
        let whole = buffer.count & ~31
        try buffer.withUnsafeBytes { raw in
            let stripes = UnsafeRawBufferPointer(rebasing: raw[0..<whole])
            hasher.update(stripes)
            if !payloadEnded { hashChunks(stripes) }
            try output.write(stripes)
        }
        buffer.removeFirst(whole)
    }

    private func hashChunks(_ stripes: UnsafeRawBufferPointer) {
        var start = 0
        while start < stripes.count {
            let end = min(stripes.count, start + chunkSize - chunkFill)
            chunkHasher.update(UnsafeRawBufferPointer(rebasing: stripes[start..<end]))
            chunkFill += end - start
            start = end
            if chunkFill == chunkSize { closeChunk(UnsafeRawBufferPointer(start: nil, count: 0)) }
        }
    }

    private func closeChunk(_ tail: UnsafeRawBufferPointer) {
        chunkTable.appendFixed(UInt32(truncatingIfNeeded: chunkHasher.finalize(tail)))
        chunkCount += 1
        chunkHasher = XXHash64()
        chunkFill = 0
    }

    /// Writes the chunk table and footer, and makes the file durable.
    func finish() throws {
        try flush()
        if chunkFill > 0 || !buffer.isEmpty { buffer.withUnsafeBytes { closeChunk($0) } }
        payloadEnded = true
        var tail = chunkTable
        tail.appendFixed(chunkCount)
        tail.appendFixed(IndexFileKind.footerMagic)
        tail.appendFixed(chunkShift)
        buffer.append(contentsOf: tail.bytes)
        try flush()
        let checksum = buffer.withUnsafeBytes { hasher.finalize($0) }
        withUnsafeBytes(of: checksum.littleEndian) { buffer.append(contentsOf: $0) }
        try buffer.withUnsafeBytes { raw in try output.write(raw) }
        offset += tail.bytes.count + 8
        try output.finish()
        done = true
    }
}
