internal import CLZ4

/// Writes a record store: variable-length records packed into blocks of about 8 KiB, each
/// block compressed on its own with LZ4 (high-compression mode), so a reader decompresses
/// one block to read one record. Used for the passage store (`.passages`) and the document
/// table (`.documents`). The chunk checksums of the file frame cover the compressed bytes.
///
/// ```
///  payload
///  ┌ frame 0: varint rawSize │ LZ4 block of (varint length │ record │ varint length │ record │ …) ┐
///  │ frame 1 …                                                                                      │ blocks
///  └ frame B-1                                                                                      ┘
///  index:   (u32 firstRecord │ u64 frameOffset) × B │ u64 end of last frame
///  extra:   u32 × E            (documents: first passage of each document, then the total)
///  trailer: u64 indexOffset │ u64 B │ u64 recordCount │ u64 extraOffset │ u64 E
/// ```
/// Fetching a record binary-searches the index and decompresses one block, only as far as
/// the record ends (a record's offset is found by walking the lengths before it).
final class RecordStoreWriter {
    /// Uncompressed bytes per block. Smaller blocks make fetching one passage cheaper (a
    /// search's hits usually sit in different blocks) and compress worse; see README
    /// "On-disk format" for the measured trade-off.
    static let defaultBlockTarget = 8 * 1024
    /// LZ4 HC level: 4 compresses as small as the default 9 on passage text (within 0.2 %)
    /// and 20 % faster.
    static let level: Int32 = 4
    /// A block is closed once it holds at least this many bytes (a record never straddles blocks).
    let blockTarget: Int
    private let file: IndexFileWriter
    private var block: ByteWriter
    private var compressed = ByteWriter()
    private var index = ByteWriter()
    private var blocks = 0
    private var recordsInBlock = 0
    private(set) var recordCount = 0
    /// LZ4 HC's working state, allocated once: `LZ4_compress_HC` would allocate it per block.
    private let state: UnsafeMutableRawPointer

    init(file: IndexFileWriter, blockTarget: Int = RecordStoreWriter.defaultBlockTarget) {
        self.file = file
        self.blockTarget = max(1, blockTarget)
        block = ByteWriter(capacity: self.blockTarget + 4096)
        state = .allocate(byteCount: Int(LZ4_sizeofStateHC()), alignment: 16)
    }

    deinit { state.deallocate() }

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
        guard block.count <= Int(LZ4_MAX_INPUT_SIZE) else {
            throw IndexError(.invalid, file: file.name, reason: "a record block of \(block.count) bytes is too large to store")
        }
        let bound = Int(LZ4_compressBound(Int32(block.count)))
        compressed.removeAll()
        compressed.appendVarint(block.count)
        let header = compressed.count
        compressed.bytes.append(contentsOf: repeatElement(0, count: bound))
        let size = block.bytes.withUnsafeBytes { source in
            compressed.bytes.withUnsafeMutableBytes { target -> Int32 in
                guard let output = target.baseAddress else { return 0 }
                return LZ4_compress_HC_extStateHC(
                    state, source.baseAddress?.assumingMemoryBound(to: CChar.self),
                    (output + header).assumingMemoryBound(to: CChar.self), Int32(source.count), Int32(bound), Self.level)
            }
        }
        guard size > 0 else { throw IndexError(.io(0), file: file.name, reason: "LZ4 compression failed") }
        try compressed.bytes.withUnsafeBytes { try file.write(UnsafeRawBufferPointer(rebasing: $0[0..<(header + Int(size))])) }
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
