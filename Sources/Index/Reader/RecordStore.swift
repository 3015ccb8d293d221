internal import CLZ4

/// Reads a record store in place (layout: `RecordStoreWriter`).
struct RecordStore: @unchecked Sendable {
    private let payload: UnsafeRawBufferPointer
    /// Verifies each block index entry, each compressed block and the extra values before
    /// they are read; the trailer on open.
    private let checked: CheckedFile
    private let indexOffset: Int
    private let blockCount: Int
    let recordCount: Int
    /// The `extra` array written with the store.
    private let extra: UnsafeRawBufferPointer
    private let extraOffset: Int
    let extraCount: Int
    /// The bytes every block was compressed against (empty: none, and in version 2 files).
    private let dictionary: UnsafeRawBufferPointer
    /// Where the first frame may start: after the dictionary.
    private let framesStart: Int
    /// Copies of `dictionary` to decompress after, if there is one (never used otherwise:
    /// not optional, since unwrapping it retained and released it on every read).
    private let scratch: DictionaryScratch
    /// Whether frames list their records' lengths after the compressed bytes (version 3 on);
    /// in version 2 each record's length preceded it inside the compressed block.
    private let listsLengths: Bool
    /// The blocks `withRecord` decompressed last (8 KiB each, in stores without a dictionary:
    /// the others are not cached), each as far as it was decoded.
    private let recent: RecentCache<Int, BlockPrefix>
    /// Whether every block fits in the cache (the document table, usually): each is then
    /// decoded whole, once, rather than in part and again for a later record.
    private let decodesWholeBlocks: Bool

    private static let trailerSize = 40
    private static let indexEntrySize = 12

    /// - Parameter cachedBlocks: how many decompressed blocks to keep for the next reads.
    init(_ checked: CheckedFile, cachedBlocks: Int) throws {
        self.checked = checked
        payload = checked.payload
        let file = checked.name
        recent = RecentCache(capacity: cachedBlocks)
        guard payload.count >= Self.trailerSize else { throw IndexError.damaged(file, "trailer missing") }
        try checked.verify(payload.count - Self.trailerSize..<payload.count)
        var reader = ByteReader(payload, offset: payload.count - Self.trailerSize, file: file)
        let indexOffset = try reader.fixed(UInt64.self)
        let blockCount = try reader.fixed(UInt64.self)
        let recordCount = try reader.fixed(UInt64.self)
        let extraOffset = try reader.fixed(UInt64.self)
        let extraCount = try reader.fixed(UInt64.self)
        let size = UInt64(payload.count)
        guard indexOffset < size, blockCount < size, recordCount < UInt64(UInt32.max), extraCount < size,
              indexOffset + blockCount * UInt64(Self.indexEntrySize) + 8 == extraOffset,
              extraOffset + extraCount * 4 + UInt64(Self.trailerSize) == size,
              recordCount == 0 || blockCount > 0
        else { throw IndexError.damaged(file, "inconsistent block index") }
        self.indexOffset = Int(indexOffset)
        self.blockCount = Int(blockCount)
        decodesWholeBlocks = blockCount <= UInt64(max(cachedBlocks, 1))
        self.recordCount = Int(recordCount)
        self.extraCount = Int(extraCount)
        self.extraOffset = Int(extraOffset)
        extra = UnsafeRawBufferPointer(rebasing: payload[Int(extraOffset)..<Int(extraOffset + extraCount * 4)])
        listsLengths = checked.version >= 3
        if listsLengths {
            try checked.verify(0..<min(10, self.indexOffset))
            var header = ByteReader(UnsafeRawBufferPointer(rebasing: payload[0..<self.indexOffset]), file: file)
            let size = try header.count(below: self.indexOffset - header.offset + 1)
            // Verified once here rather than per block: every block is decoded against it.
            try checked.verify(header.offset..<header.offset + size)
            dictionary = UnsafeRawBufferPointer(rebasing: payload[header.offset..<header.offset + size])
            framesStart = header.offset + size
        } else {
            dictionary = UnsafeRawBufferPointer(rebasing: payload[0..<0])
            framesStart = 0
        }
        scratch = DictionaryScratch(dictionary: dictionary)
    }

    var file: String { checked.name }

    /// Verifies the extra values `range` before a caller reads them with `extraValue`; false
    /// (the damage remembered by the file) if they fail their checksum.
    func extraIsIntact(_ range: Range<Int>) -> Bool {
        checked.isIntact(extraOffset + 4 * range.lowerBound..<extraOffset + 4 * range.upperBound)
    }

    func extraValue(_ index: Int) -> UInt32 {
        UInt32(littleEndian: extra.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self))
    }

    /// The fixed-width value at `offset` of the block index, verified first.
    private func indexValue<T: FixedWidthInteger>(at offset: Int, as _: T.Type) throws -> T {
        try checked.verify(offset..<offset + MemoryLayout<T>.size)
        return T(littleEndian: payload.loadUnaligned(fromByteOffset: offset, as: T.self))
    }

    private func firstRecord(_ block: Int) throws -> Int {
        Int(try indexValue(at: indexOffset + block * Self.indexEntrySize, as: UInt32.self))
    }

    private func frameOffset(_ block: Int) throws -> Int {
        Int(truncatingIfNeeded: try indexValue(at: indexOffset + block * Self.indexEntrySize + 4, as: UInt64.self))
    }

    private func frameEnd(_ block: Int) throws -> Int {
        block + 1 < blockCount ? try frameOffset(block + 1)
            : Int(truncatingIfNeeded: try indexValue(at: indexOffset + blockCount * Self.indexEntrySize, as: UInt64.self))
    }

    /// A block's compressed bytes (checked against the file's chunk checksums) and the number
    /// of bytes they decompress to.
    private struct Frame {
        var bytes: UnsafeRawBufferPointer
        var size: Int
        /// Payload offset of the frame, for errors.
        var start: Int
        /// The records' lengths, varints (version 3 on; empty in version 2).
        var lengths: UnsafeRawBufferPointer

        /// Where record `skip` (counted from the block's first) lies in the decompressed block.
        /// - Throws: `IndexError` when the lengths run out or overrun the block (damage).
        func range(of skip: Int, file: String) throws -> Range<Int> {
            var reader = ByteReader(lengths, file: file)
            var offset = 0
            for _ in 0..<skip { offset += try reader.count(below: size - offset + 1) }
            let length = try reader.count(below: size - offset + 1)
            return offset..<offset + length
        }
    }

    private func frame(_ block: Int) throws -> Frame {
        let start = try frameOffset(block), end = try frameEnd(block)
        guard start >= framesStart, start <= end, end <= indexOffset else {
            throw IndexError.damaged(file, "block \(block) out of bounds")
        }
        try checked.verify(start..<end)
        var reader = ByteReader(UnsafeRawBufferPointer(rebasing: payload[start..<end]), file: file)
        let size = try reader.count(below: 1 << 30)
        let bytes = try reader.raw(listsLengths ? try reader.count(below: end - start) : end - start - reader.offset)
        let lengths = try reader.raw(end - start - reader.offset)
        // LZ4 expands at most 255-fold: a larger size is damage, not a reason to allocate it.
        guard size <= bytes.count * 255 + 64 else {
            throw IndexError.damaged(file, "compressed block at byte \(start) claims \(size) bytes")
        }
        return Frame(bytes: bytes, size: size, start: start, lengths: lengths)
    }

    /// The first `target` decompressed bytes of `frame`, or all of them when `target` reaches
    /// its size: LZ4 stops once it has written `target` bytes, so a record near the start of a
    /// block costs a fraction of the block. A whole block is decoded strictly (the compressed
    /// bytes must end exactly where the output does).
    private func decompress(_ frame: Frame, upTo target: Int) throws -> [UInt8] {
        let wanted = min(max(target, 0), frame.size)
        var produced: Int32 = -1
        let bytes = [UInt8](unsafeUninitializedCapacity: wanted) { buffer, initialized in
            guard let output = buffer.baseAddress else { return produced = 0 }
            if !dictionary.isEmpty {
                scratch.withBuffer(size: wanted) { room in
                    produced = decode(frame, into: room, wanted: wanted, dictionary: room - dictionary.count)
                    if produced == Int32(wanted) { UnsafeMutableRawPointer(output).copyMemory(from: room, byteCount: wanted) }
                }
            } else {
                produced = decode(frame, into: output, wanted: wanted, dictionary: nil)
            }
            initialized = max(0, min(Int(produced), wanted))
        }
        guard Int(produced) == wanted else { throw undecodable(frame) }
        return bytes
    }

    private func undecodable(_ frame: Frame) -> IndexError {
        .damaged(file, "compressed block at byte \(frame.start) does not decompress")
    }

    /// LZ4's decoding of the first `wanted` bytes of `frame` into `output`, after a copy of the
    /// dictionary at `copy` (just before `output`) if any: the bytes produced, negative on damage.
    private func decode(
        _ frame: Frame, into output: UnsafeMutableRawPointer, wanted: Int, dictionary copy: UnsafeMutableRawPointer?
    ) -> Int32 {
        let source = frame.bytes.baseAddress?.assumingMemoryBound(to: CChar.self)
        let target = output.assumingMemoryBound(to: CChar.self)
        let start = copy?.assumingMemoryBound(to: CChar.self)
        let size = copy == nil ? 0 : Int32(dictionary.count)
        return wanted == frame.size
            ? LZ4_decompress_safe_usingDict(source, target, Int32(frame.bytes.count), Int32(wanted), start, size)
            : LZ4_decompress_safe_partial_usingDict(source, target, Int32(frame.bytes.count), Int32(wanted), Int32(wanted), start, size)
    }

    /// Calls `body` with every record in order, decompressing each block once (for merges).
    func forEach(_ body: (Int, inout ByteReader) throws -> Void) throws {
        for block in 0..<blockCount {
            let frame = try frame(block)
            let bytes = try decompress(frame, upTo: frame.size)
            let first = try firstRecord(block)
            let last = block + 1 < blockCount ? try firstRecord(block + 1) : recordCount
            guard first <= last, last <= recordCount else {
                throw IndexError.damaged(file, "block index out of order")
            }
            try bytes.withUnsafeBytes { raw in
                var reader = ByteReader(raw, file: file)
                var lengths = ByteReader(frame.lengths, file: file)
                for number in first..<last {
                    let length = listsLengths ? try lengths.count(below: raw.count + 1) : try reader.count(below: raw.count + 1)
                    var record = ByteReader(try reader.raw(length), file: file)
                    try body(number, &record)
                }
                guard reader.isAtEnd, lengths.isAtEnd else { throw reader.damaged("records do not fill their block") }
            }
        }
    }

    /// Calls `body` with the bytes of record `number`.
    func withRecord<T>(_ number: Int, _ body: (inout ByteReader) throws -> T) throws -> T {
        guard number >= 0, number < recordCount else {
            throw IndexError(.invalid, file: file, reason: "record \(number) out of range (\(recordCount) records)")
        }
        let (low, first, last) = try block(of: number)
        if listsLengths { return try withListedRecord(number - first, in: low, body) }
        if let cached = recent.value(where: { $0 == low }),
           case .found(let range) = try locate(number - first, in: cached) {
            return try cached.withRecord(range, file: file, body)
        }
        let frame = try frame(low)
        // Version 2: a record's offset is known only by walking the lengths before it, so
        // decode up to where it would end if records were of equal size, plus two records:
        // hits are longer than most passages, and falling short costs a second decode from
        // the start (LZ4 cannot resume). Measured on a 248-query batch: margins of 0, 1, 2 and 4
        // records decode 47, 34, 33 and 35 M instructions (the whole blocks: 44 M).
        let average = frame.size / (last - first)
        var target = decodesWholeBlocks ? frame.size : (number - first + 3) * average
        while true {
            let prefix = BlockPrefix(bytes: try decompress(frame, upTo: target), blockSize: frame.size)
            switch try locate(number - first, in: prefix, average: average) {
            case .found(let range):
                recent.store(low, prefix, replacing: { $0 == low })
                return try prefix.withRecord(range, file: file, body)
            case .needs(let length):
                target = max(length, target + average)
            }
        }
    }

    /// `withRecord` for record `skip` of `block` in a store whose frames list the lengths:
    /// the block is decoded exactly as far as the record ends (or whole, when all blocks fit
    /// in the cache).
    ///
    /// A store with a dictionary is read straight from the decoding buffer, neither copied
    /// nor cached: its blocks are small and the hits of a batch rarely share one (4 % of the
    /// 500-query multi-word set's hits), so allocating, copying and caching each block cost
    /// more (1.3 K instructions per hit) than the shared blocks saved (0.2 K).
    private func withListedRecord<T>(_ skip: Int, in block: Int, _ body: (inout ByteReader) throws -> T) throws -> T {
        let frame = try frame(block)
        let range = try frame.range(of: skip, file: file)
        if !dictionary.isEmpty, !decodesWholeBlocks {
            return try scratch.withBuffer(size: range.upperBound) { room in
                guard decode(frame, into: room, wanted: range.upperBound, dictionary: room - dictionary.count)
                        == Int32(range.upperBound) else { throw undecodable(frame) }
                var reader = ByteReader(UnsafeRawBufferPointer(start: room + range.lowerBound, count: range.count), file: file)
                return try body(&reader)
            }
        }
        if let cached = recent.value(where: { $0 == block }), range.upperBound <= cached.bytes.count {
            return try cached.withRecord(range, file: file, body)
        }
        let prefix = BlockPrefix(
            bytes: try decompress(frame, upTo: decodesWholeBlocks ? frame.size : range.upperBound), blockSize: frame.size)
        recent.store(block, prefix, replacing: { $0 == block })
        return try prefix.withRecord(range, file: file, body)
    }

    /// Starts loading the block index entry where the search for record `number`'s block
    /// begins, and its extra values `extraIndices`, without waiting (see `prefetchFrame`).
    func prefetchIndexEntry(of number: Int, extraIndices: Range<Int>) {
        guard number >= 0, number < recordCount, let base = payload.baseAddress else { return }
        citex_prefetch(base + indexOffset + guessedBlock(number) * Self.indexEntrySize)
        if extraIndices.lowerBound >= 0, extraIndices.upperBound <= extraCount, !extraIndices.isEmpty {
            citex_prefetch(extra.baseAddress.map { $0 + 4 * extraIndices.lowerBound })
        }
    }

    /// Starts loading the start of the compressed block holding record `number` and the end
    /// where its records' lengths are listed, without waiting. Why: with cold caches, as for a
    /// page of hits after a search, each `withRecord` first waits for these lines, one hit
    /// after another; asked for all the hits first, the waits overlap. A hint only: the
    /// entries are read unverified and nothing is decoded (`withRecord` checks everything).
    func prefetchFrame(of number: Int) {
        guard number >= 0, number < recordCount, let base = payload.baseAddress else { return }
        let block = blockSearch(number)
        let entry = indexOffset + block * Self.indexEntrySize + 4
        let end = block + 1 < blockCount ? entry + Self.indexEntrySize : indexOffset + blockCount * Self.indexEntrySize
        guard end + 8 <= payload.count else { return }
        let start = Int(truncatingIfNeeded: UInt64(littleEndian: payload.loadUnaligned(fromByteOffset: entry, as: UInt64.self)))
        let stop = Int(truncatingIfNeeded: UInt64(littleEndian: payload.loadUnaligned(fromByteOffset: end, as: UInt64.self)))
        guard start >= framesStart, start < stop, stop <= indexOffset else { return }
        citex_prefetch(base + start)
        citex_prefetch(base + stop - 1)
    }

    /// Where record `number` (in range) would lie if every block held as many records: below
    /// `blockCount`, as `number` is below `recordCount`.
    private func guessedBlock(_ number: Int) -> Int {
        SortedSearch.proportionalGuess(number, of: recordCount, over: blockCount)
    }

    /// The last block whose first record is at most `number`, by unverified probes.
    private func blockSearch(_ number: Int) -> Int {
        SortedSearch.lastIndex(atMost: number, count: blockCount, guess: guessedBlock(number)) { block in
            Int(UInt32(littleEndian: payload.loadUnaligned(
                fromByteOffset: indexOffset + block * Self.indexEntrySize, as: UInt32.self)))
        }
    }

    /// The block holding record `number` (in range), with its first record and the first
    /// record after it, both verified.
    ///
    /// The search reads its probes unverified (a verified probe cost as much as the
    /// rest of the search: 16 chunk checks per hit) and verifies only the two entries it
    /// settles on. Those alone decide: if they bracket `number`, their block holds it whatever
    /// the entries passed over say. If a damaged entry misled the search they do not, and the
    /// whole index is then verified, so damage is reported as such.
    ///
    /// The search starts where `number` would lie if every block held as many records
    /// (`SortedSearch`): a few neighbouring entries rather than a dozen all over the index.
    private func block(of number: Int) throws -> (block: Int, first: Int, last: Int) {
        let low = blockSearch(number)
        let first = try firstRecord(low)
        let last = low + 1 < blockCount ? try firstRecord(low + 1) : recordCount
        guard first <= number, number < last else {
            try checked.verify(indexOffset..<indexOffset + blockCount * Self.indexEntrySize)
            throw IndexError.damaged(file, "block index out of order")
        }
        return (low, first, last)
    }

    /// Where record `skip` of a block (counted from its first record) lies in `prefix`; if it
    /// lies beyond, how long a prefix would hold it: exact once its length is in `prefix`,
    /// else a guess from `average` record size.
    /// - Throws: `IndexError` when the lengths overrun the block (damage).
    private func locate(_ skip: Int, in prefix: BlockPrefix, average: Int = 0) throws -> RecordLocation {
        try prefix.bytes.withUnsafeBytes { raw in
            var reader = ByteReader(raw, file: file)
            for index in 0...skip {
                let start = reader.offset
                guard let length = try reader.varint(isPrefix: !prefix.isWhole) else {
                    return .needs(start + (skip - index + 1) * average + 10)
                }
                guard length <= UInt64(prefix.blockSize - reader.offset) else {
                    throw reader.damaged("record length \(length) out of range")
                }
                if index == skip {
                    let end = reader.offset + Int(length)
                    return end <= raw.count ? .found(reader.offset..<end) : .needs(end)
                }
                reader.offset += Int(length)
            }
            return .needs(prefix.blockSize)
        }
    }

    private enum RecordLocation {
        case found(Range<Int>)
        case needs(Int)
    }
}

/// The decompressed bytes of a block read so far: its first `bytes.count` bytes, all of it
/// when that is `blockSize`. A record is served from it only if it lies wholly inside.
private struct BlockPrefix: Sendable {
    var bytes: [UInt8]
    var blockSize: Int

    var isWhole: Bool { bytes.count == blockSize }

    func withRecord<T>(_ range: Range<Int>, file: String, _ body: (inout ByteReader) throws -> T) throws -> T {
        try bytes.withUnsafeBytes { raw in
            var record = ByteReader(UnsafeRawBufferPointer(rebasing: raw[range]), file: file)
            return try body(&record)
        }
    }
}
