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
    /// The blocks `withRecord` decompressed last (about 9 KB each).
    private let recent: RecentCache<Int, [UInt8]>

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
        self.recordCount = Int(recordCount)
        self.extraCount = Int(extraCount)
        self.extraOffset = Int(extraOffset)
        extra = UnsafeRawBufferPointer(rebasing: payload[Int(extraOffset)..<Int(extraOffset + extraCount * 4)])
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

    /// Decompresses block `block` (its bytes checked against the file's chunk checksums).
    private func decompress(_ block: Int) throws -> [UInt8] {
        let start = try frameOffset(block), end = try frameEnd(block)
        guard start >= 0, start <= end, end <= indexOffset else {
            throw IndexError.damaged(file, "block \(block) out of bounds")
        }
        try checked.verify(start..<end)
        var reader = ByteReader(UnsafeRawBufferPointer(rebasing: payload[start..<end]), file: file)
        let size = try reader.count(below: 1 << 30)
        let frame = try reader.raw(end - start - reader.offset)
        // LZ4 expands at most 255-fold: a larger size is damage, not a reason to allocate it.
        guard size <= frame.count * 255 + 64 else {
            throw IndexError.damaged(file, "compressed block at byte \(start) claims \(size) bytes")
        }
        var produced: Int32 = -1
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            produced = LZ4_decompress_safe(
                frame.baseAddress?.assumingMemoryBound(to: CChar.self),
                UnsafeMutableRawPointer(buffer.baseAddress)?.assumingMemoryBound(to: CChar.self),
                Int32(frame.count), Int32(size))
            initialized = max(0, min(Int(produced), size))
        }
        guard Int(produced) == size else {
            throw IndexError.damaged(file, "compressed block at byte \(start) does not decompress")
        }
        return bytes
    }

    /// Calls `body` with every record in order, decompressing each block once (for merges).
    func forEach(_ body: (Int, inout ByteReader) throws -> Void) throws {
        for block in 0..<blockCount {
            let bytes = try decompress(block)
            let first = try firstRecord(block)
            let last = block + 1 < blockCount ? try firstRecord(block + 1) : recordCount
            guard first <= last, last <= recordCount else {
                throw IndexError.damaged(file, "block index out of order")
            }
            try bytes.withUnsafeBytes { raw in
                var reader = ByteReader(raw, file: file)
                for number in first..<last {
                    var record = ByteReader(try reader.raw(try reader.count(below: raw.count + 1)), file: file)
                    try body(number, &record)
                }
            }
        }
    }

    /// Calls `body` with the bytes of record `number`.
    func withRecord<T>(_ number: Int, _ body: (inout ByteReader) throws -> T) throws -> T {
        guard number >= 0, number < recordCount else {
            throw IndexError(.invalid, file: file, reason: "record \(number) out of range (\(recordCount) records)")
        }
        var low = 0, high = blockCount - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if try firstRecord(middle) <= number { low = middle } else { high = middle - 1 }
        }
        let first = try firstRecord(low)
        guard first <= number else { throw IndexError.damaged(file, "block index out of order") }
        let bytes: [UInt8]
        if let cached = recent.value(where: { $0 == low }) {
            bytes = cached
        } else {
            bytes = try decompress(low)
            recent.store(low, bytes)
        }
        return try bytes.withUnsafeBytes { raw in
            var reader = ByteReader(raw, file: file)
            for _ in first..<number {
                let length = try reader.count(below: raw.count + 1)
                reader.offset += length
            }
            let length = try reader.count(below: raw.count + 1)
            var record = ByteReader(try reader.raw(length), file: file)
            return try body(&record)
        }
    }
}
