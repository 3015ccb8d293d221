internal import CLZ4

/// Writes a record store: variable-length records packed into blocks, each block compressed
/// on its own with LZ4 (high-compression mode), so a reader decompresses one block to read
/// one record. Used for the passage store (`.passages`) and the document table
/// (`.documents`). The chunk checksums of the file frame cover the compressed bytes.
///
/// ```
///  payload (format version 3 on)
///  varint D │ dictionary: D bytes, parts of records spread over the store (D = 0: none)
///  ┌ frame 0: varint rawSize │ varint C │ LZ4 block (C bytes) of (record │ record │ …) │ varint length × n ┐
///  │ frame 1 …                                                                                          │ blocks
///  └ frame B-1                                                                                          ┘
///  index:   (u32 firstRecord │ u64 frameOffset) × B │ u64 end of last frame
///  extra:   u32 × E            (documents: first passage of each document, then the total)
///  trailer: u64 indexOffset │ u64 B │ u64 recordCount │ u64 extraOffset │ u64 E
/// ```
/// Fetching a record binary-searches the index and decompresses one block, only as far as
/// the record ends: the lengths after the compressed bytes say where that is. Version 2 had
/// no dictionary, and each frame was `varint rawSize │ LZ4 block of (varint length │ record)
/// × n`: a reader had to guess how far to decode and decode again when the guess fell short.
///
/// Why a dictionary: a search shows ten passages from ten blocks, so decompression is paid
/// per block, and its cost grows with the block. Small blocks compress badly on their own
/// (1 KiB blocks of passages: 35 % larger than 8 KiB ones), but each block compressed
/// against the same 64 KiB sample of the store's own records (which LZ4 reads as if it
/// preceded the block) compresses about as well as 8 KiB blocks do alone, for a small
/// fraction of the bytes decoded per hit. See README "Store dictionary".
final class RecordStoreWriter {
    /// Uncompressed bytes per block without a dictionary (the document table; a store too
    /// small for a dictionary). See README "On-disk format" for the measured trade-off.
    static let defaultBlockTarget = 8 * 1024
    /// Bytes of a dictionary at most: LZ4's whole window.
    static let passageDictionarySize = 64 * 1024
    /// Uncompressed bytes per block of a store with a dictionary.
    static let dictionaryBlockTarget = 1024
    /// LZ4 HC level: 4 compresses as small as the default 9 on passage text (within 0.2 %)
    /// and 20 % faster.
    static let level: Int32 = 4
    /// A block is closed once its records and their lengths reach this many bytes (a record
    /// never straddles blocks): `dictionaryBlockTarget` once a dictionary is in use.
    private var blockTarget: Int
    private let dictionaryTarget: Int
    /// The dictionary offered (empty: none).
    private let offered: [UInt8]
    private let file: IndexFileWriter
    /// The records of the open block, and their lengths (varints).
    private var block: ByteWriter
    private var lengths = ByteWriter()
    private var compressed: [UInt8] = []
    private var index = ByteWriter()
    private var blocks = 0
    private var recordsInBlock = 0
    /// Records placed in blocks so far (the index numbers them).
    private var placedCount = 0
    private(set) var recordCount = 0
    /// Whether the dictionary (or its absence) has been written: until then records wait in
    /// `pending`, since the dictionary precedes every block and is used only if the records
    /// turn out to be large enough.
    private var started = false
    private var pending: [UInt8] = []
    private var pendingRecords: [Range<Int>] = []
    /// LZ4 HC's working state, allocated once: `LZ4_compress_HC` would allocate it per block.
    private let state: UnsafeMutableRawPointer
    private let stateSize = Int(LZ4_sizeofStateHC())
    /// The state with the dictionary loaded, copied into `state` before each block: loading
    /// hashes the whole dictionary, copying costs a fraction of that (the shared library
    /// exports no call to attach a loaded dictionary instead).
    private var dictionaryState: UnsafeMutableRawPointer?
    /// The dictionary's bytes, which `dictionaryState` points into.
    private var dictionary: UnsafeMutableRawBufferPointer?

    /// - Parameters:
    ///   - blockTarget: block size without a dictionary.
    ///   - dictionary: bytes to compress every block against (at most `passageDictionarySize`),
    ///     used if the records add up to at least four times as much (below that it would
    ///     cost more than it saves); empty for none.
    ///   - dictionaryBlockTarget: block size with a dictionary.
    init(
        file: IndexFileWriter, blockTarget: Int = RecordStoreWriter.defaultBlockTarget, dictionary: [UInt8] = [],
        dictionaryBlockTarget: Int = RecordStoreWriter.dictionaryBlockTarget
    ) {
        self.file = file
        self.blockTarget = max(1, blockTarget)
        dictionaryTarget = max(1, dictionaryBlockTarget)
        offered = Array(dictionary.suffix(Self.passageDictionarySize))
        block = ByteWriter(capacity: self.blockTarget + 4096)
        state = .allocate(byteCount: stateSize, alignment: 16)
    }

    deinit {
        state.deallocate()
        dictionaryState?.deallocate()
        dictionary?.deallocate()
    }

    /// Appends one record (its bytes as built by a `ByteWriter`).
    func add(_ record: ByteWriter) throws {
        recordCount += 1
        if started { return try place(record.bytes) }
        guard !offered.isEmpty else {
            try start(withDictionary: false)
            return try place(record.bytes)
        }
        pendingRecords.append(pending.count..<pending.count + record.count)
        pending.append(contentsOf: record.bytes)
        if pending.count >= 4 * offered.count { try start(withDictionary: true) }
    }

    /// Writes the dictionary header (the offered dictionary, or none), then places the
    /// records that waited for it.
    private func start(withDictionary: Bool) throws {
        started = true
        var header = ByteWriter()
        if withDictionary {
            let dictionarySize = offered.count
            let bytes = UnsafeMutableRawBufferPointer.allocate(byteCount: dictionarySize, alignment: 1)
            offered.withUnsafeBytes { bytes.copyMemory(from: $0) }
            let loaded = UnsafeMutableRawPointer.allocate(byteCount: stateSize, alignment: 16)
            LZ4_initStreamHC(loaded, stateSize)
            LZ4_resetStreamHC_fast(loaded.assumingMemoryBound(to: LZ4_streamHC_t.self), Self.level)
            LZ4_loadDictHC(
                loaded.assumingMemoryBound(to: LZ4_streamHC_t.self),
                bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(dictionarySize))
            dictionary = bytes
            dictionaryState = loaded
            blockTarget = dictionaryTarget
            header.appendVarint(dictionarySize)
            header.append(UnsafeRawBufferPointer(bytes))
        } else {
            header.appendVarint(0)
        }
        try file.write(header)
        let waiting = pending, ranges = pendingRecords
        pending = []
        pendingRecords = []
        for range in ranges { try waiting.withUnsafeBytes { try place(UnsafeRawBufferPointer(rebasing: $0[range])) } }
    }

    private func place(_ record: some Collection<UInt8>) throws {
        if recordsInBlock == 0 {
            index.appendFixed(UInt32(placedCount))
            index.appendFixed(UInt64(file.payloadOffset))
        }
        lengths.appendVarint(record.count)
        block.append(contentsOf: record)
        recordsInBlock += 1
        placedCount += 1
        if block.count + lengths.count >= blockTarget { try flushBlock() }
    }

    private func flushBlock() throws {
        guard recordsInBlock > 0 else { return }
        guard block.count <= Int(LZ4_MAX_INPUT_SIZE) else {
            throw IndexError(.invalid, file: file.name, reason: "a record block of \(block.count) bytes is too large to store")
        }
        let bound = Int(LZ4_compressBound(Int32(block.count)))
        if compressed.count < bound { compressed = [UInt8](repeating: 0, count: bound) }
        let size = block.bytes.withUnsafeBytes { source in
            compressed.withUnsafeMutableBytes { target -> Int32 in
                let input = source.baseAddress?.assumingMemoryBound(to: CChar.self)
                let output = target.baseAddress?.assumingMemoryBound(to: CChar.self)
                guard let dictionaryState else {
                    return LZ4_compress_HC_extStateHC(state, input, output, Int32(source.count), Int32(bound), Self.level)
                }
                state.copyMemory(from: dictionaryState, byteCount: stateSize)
                return LZ4_compress_HC_continue(
                    state.assumingMemoryBound(to: LZ4_streamHC_t.self), input, output, Int32(source.count), Int32(bound))
            }
        }
        guard size > 0 else { throw IndexError(.io(0), file: file.name, reason: "LZ4 compression failed") }
        var header = ByteWriter()
        header.appendVarint(block.count)
        header.appendVarint(Int(size))
        try file.write(header)
        try compressed.withUnsafeBytes { try file.write(UnsafeRawBufferPointer(rebasing: $0[0..<Int(size)])) }
        try file.write(lengths)
        lengths.removeAll()
        block.removeAll()
        recordsInBlock = 0
        blocks += 1
    }

    /// Writes the last block, the index, `extra` and the trailer.
    func finish(extra: [UInt32] = []) throws {
        if !started { try start(withDictionary: false) }
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
