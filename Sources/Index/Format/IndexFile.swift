/// The frame every index file shares: a header naming what the file is and which format
/// version wrote it, and a footer with a checksum of everything before it.
///
/// ```
///  0        4        8                                   n-16     n-12     n-8        n
///  ┌────────┬────────┬──────────────── payload ──────────┬────────┬────────┬──────────┐
///  │ magic  │version │  (layout depends on the kind)     │ "CXFT" │ 0  u32 │ xxh64 u64│
///  └────────┴────────┴───────────────────────────────────┴────────┴────────┴──────────┘
/// ```
/// All integers little-endian. The checksum (XXH64, seed 0) covers bytes `0..<n-8`.
/// A truncated file loses its footer magic; a flipped byte fails the checksum.
public enum IndexFileKind: UInt32, Sendable, CaseIterable {
    case manifest = 0x5458_434D       // "MCXT"
    case terms = 0x4454_5843          // "CXTD"
    case postings = 0x4F50_5843       // "CXPO"
    case positions = 0x5350_5843      // "CXPS"
    case norms = 0x4E4E_5843          // "CXNN"
    case passages = 0x5450_5843       // "CXPT"
    case documents = 0x4F44_5843      // "CXDO"
    case deletions = 0x4544_5843      // "CXDE"

    /// The format version this build writes and reads. A shipped version is never edited:
    /// a new layout gets a new number and a reader beside the old one.
    public static let currentVersion: UInt32 = 1
    static let footerMagic: UInt32 = 0x5446_5843 // "CXFT"
    static let headerSize = 8
    static let footerSize = 16
}

/// How much of a file to check when opening it.
public enum Verification: Sendable {
    /// Magic, version, size and footer: catches truncation and the wrong file, costs nothing.
    case structure
    /// Also the checksum of every byte: catches any flipped bit, costs one pass over the file.
    case checksum
}

extension MappedFile {
    /// Checks the frame of this file and returns its payload (between header and footer).
    func payload(_ kind: IndexFileKind, verify: Verification) throws -> UnsafeRawBufferPointer {
        let n = bytes.count
        guard n >= IndexFileKind.headerSize + IndexFileKind.footerSize else {
            throw IndexError.damaged(name, "too short (\(n) bytes), probably truncated")
        }
        let magic = UInt32(littleEndian: bytes.loadUnaligned(as: UInt32.self))
        guard magic == kind.rawValue else { throw IndexError.damaged(name, "not a \(kind) file (bad magic number)") }
        let version = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 4, as: UInt32.self))
        guard version == IndexFileKind.currentVersion else {
            throw IndexError.damaged(name, "format version \(version), this citex reads version \(IndexFileKind.currentVersion)")
        }
        let footer = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: n - 16, as: UInt32.self))
        guard footer == IndexFileKind.footerMagic else { throw IndexError.damaged(name, "footer missing, probably truncated") }
        if verify == .checksum {
            let stored = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self))
            let actual = XXHash64.hash(UnsafeRawBufferPointer(rebasing: bytes[0..<n - 8]))
            guard stored == actual else { throw IndexError.damaged(name, "checksum mismatch") }
        }
        return UnsafeRawBufferPointer(rebasing: bytes[IndexFileKind.headerSize..<n - IndexFileKind.footerSize])
    }
}

/// Writes one index file front to back through a buffer, hashing as it goes, so a file of
/// any size is written in one pass with constant memory.
final class IndexFileWriter {
    let name: String
    private let output: any StorageOutput
    private var buffer: [UInt8] = []
    private var hasher = XXHash64()
    /// Bytes written so far, header included: the offset the next byte will have in the file.
    private(set) var offset = 0
    private var done = false
    private static let flushSize = 1 << 18

    init(storage: any Storage, name: String, kind: IndexFileKind) throws {
        self.name = name
        output = try storage.create(name)
        buffer.reserveCapacity(Self.flushSize + 4096)
        var header = ByteWriter()
        header.appendFixed(kind.rawValue)
        header.appendFixed(IndexFileKind.currentVersion)
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

    /// Hashes and writes every whole 32-byte stripe, keeping the rest for later.
    private func flush() throws {
        let whole = buffer.count & ~31
        try buffer.withUnsafeBytes { raw in
            let stripes = UnsafeRawBufferPointer(rebasing: raw[0..<whole])
            hasher.update(stripes)
            try output.write(stripes)
        }
        buffer.removeFirst(whole)
    }

    /// Writes the footer and makes the file durable.
    func finish() throws {
        var footer = ByteWriter()
        footer.appendFixed(IndexFileKind.footerMagic)
        footer.appendFixed(UInt32(0))
        buffer.append(contentsOf: footer.bytes)
        try flush()
        let checksum = buffer.withUnsafeBytes { hasher.finalize($0) }
        withUnsafeBytes(of: checksum.littleEndian) { buffer.append(contentsOf: $0) }
        try buffer.withUnsafeBytes { raw in try output.write(raw) }
        offset += 16
        try output.finish()
        done = true
    }
}
