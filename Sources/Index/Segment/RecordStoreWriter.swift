internal import CZstd

/// Writes a record store: variable-length records packed into blocks of about 4 KiB,
/// each block one zstd frame (with zstd's own content checksum). Used for the passage store
/// (`.passages`) and the document table (`.documents`).
///
/// ```
///  payload
///  ┌ zstd frame 0: varint length │ record │ varint length │ record │ …   ┐
///  │ zstd frame 1 …                                                      │ blocks
///  └ zstd frame B-1                                                      ┘
///  index:   (u32 firstRecord │ u64 frameOffset) × B │ u64 end of last frame
///  extra:   u32 × E            (documents: first passage of each document, then the total)
///  trailer: u64 indexOffset │ u64 B │ u64 recordCount │ u64 extraOffset │ u64 E
/// ```
/// Fetching a record binary-searches the index and decompresses one block.
final class RecordStoreWriter {
    /// Uncompressed bytes per block. Smaller blocks make fetching one passage cheaper (a
    /// search's hits usually sit in different blocks) and compress a little worse; see
    /// README "On-disk format" for the measured trade-off.
    static let defaultBlockTarget = 4 * 1024
    /// A block is closed once it holds at least this many bytes (a record never straddles blocks).
    let blockTarget: Int
    private let file: IndexFileWriter
    private var block: ByteWriter
    private var compressed: [UInt8] = []
    private var index = ByteWriter()
    private var blocks = 0
    private var recordsInBlock = 0
    private(set) var recordCount = 0
    private let context: OpaquePointer

    init(file: IndexFileWriter, blockTarget: Int = RecordStoreWriter.defaultBlockTarget) {
        self.file = file
        self.blockTarget = max(1, blockTarget)
        block = ByteWriter(capacity: self.blockTarget + 4096)
        context = ZSTD_createCCtx()
        ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, 3)
        ZSTD_CCtx_setParameter(context, ZSTD_c_checksumFlag, 1)
    }

    deinit { ZSTD_freeCCtx(context) }

    /// Appends one record (its bytes as built by a `ByteWriter`).
    func add(_ record: ByteWriter) throws {
        if recordsInBlock == 0 {
            index.appendFixed(UInt32(recordCount))
            index.appendFixed(UInt64(file.payloadOffset))
        }
        block.appendVarint(record.count)
        block.append(contentsOf: record.bytes)
        recordsInBlock += 1
        recordCount += 1
        if block.count >= blockTarget { try flushBlock() }
    }

    private func flushBlock() throws {
        guard recordsInBlock > 0 else { return }
        let bound = ZSTD_compressBound(block.count)
        if compressed.count < bound { compressed = [UInt8](repeating: 0, count: bound) }
        let size = block.bytes.withUnsafeBytes { source in
            compressed.withUnsafeMutableBytes { target in
                ZSTD_compress2(context, target.baseAddress, target.count, source.baseAddress, source.count)
            }
        }
        guard ZSTD_isError(size) == 0 else {
            throw IndexError(.io(0), file: file.name, reason: "compression failed: \(String(cString: ZSTD_getErrorName(size)))")
        }
        try compressed.withUnsafeBytes { try file.write(UnsafeRawBufferPointer(rebasing: $0[0..<size])) }
        block.removeAll()
        recordsInBlock = 0
        blocks += 1
    }

    /// Writes the last block, the index, `extra` and the trailer.
    func finish(extra: [UInt32] = []) throws {
        try flushBlock()
        var tail = ByteWriter()
        let indexOffset = file.payloadOffset
        tail.append(contentsOf: index.bytes)
        tail.appendFixed(UInt64(indexOffset))
        let extraOffset = indexOffset + tail.count
        for value in extra { tail.appendFixed(value) }
        tail.appendFixed(UInt64(indexOffset))
        tail.appendFixed(UInt64(blocks))
        tail.appendFixed(UInt64(recordCount))
        tail.appendFixed(UInt64(extraOffset))
        tail.appendFixed(UInt64(extra.count))
        try file.write(tail)
    }
}
