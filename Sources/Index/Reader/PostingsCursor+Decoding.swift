/// Block decoding and skip-metadata reading: the cold half of `PostingsCursor`, entered
/// once per 128 postings. Every read is checked against the file's end, every block's bytes
/// (skip list, postings, positions) against their chunk checksums before they are read, and
/// every decoded block against its skip entry, so a damaged file ends the cursor (`isDamaged`,
/// and the segment's `damage` on a checksum mismatch) instead of crashing or returning
/// passages that do not exist.
extension PostingsCursor {
    init(segment: SegmentReader, info: TermInfo) {
        self.init(
            owner: segment, postings: segment.postingsFile, positions: segment.positionsFile,
            passageCount: segment.passageCount, info: info)
    }

    /// A cursor over the payloads of two checked files; `owner` keeps them alive.
    init(owner: AnyObject, postings: CheckedFile, positions: CheckedFile, passageCount: Int, info: TermInfo) {
        self.owner = owner
        checked = (postings, positions)
        passageLimit = UInt32(clamping: passageCount)
        data = postings.payload.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!
        dataCount = postings.payload.count
        positionData = positions.payload.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!
        positionCount = positions.payload.count
        buffer = PostingsBlockBuffer()
        documentFrequency = info.documentFrequency
        impacts = info.impacts
        fullBlocks = info.documentFrequency / BitPacking.blockSize
        blockTotal = (info.documentFrequency + BitPacking.blockSize - 1) / BitPacking.blockSize
        positionsStart = info.positionsOffset
        sizedImpacts = postings.version >= 4
        var offset = info.postingsOffset
        var skipLength = 0
        var valid = info.documentFrequency > 0 && info.postingsOffset <= dataCount
            && info.positionsOffset <= positionCount
        if valid && info.documentFrequency >= BitPacking.blockSize {
            // The skip length, then the whole skip list: verified before they are read.
            if postings.isIntact(offset..<offset + 10),
               let length = Varint.read(data, &offset, limit: dataCount), length < UInt64(dataCount),
               postings.isIntact(offset..<offset + Int(length)) {
                skipLength = Int(length)
            } else {
                valid = false
            }
        }
        skipStart = offset
        dataStart = offset + skipLength
        if !hasSkip { metaImpacts = info.impacts }
        guard valid else {
            markDamaged()
            return
        }
        restartMetadata()
        loadBlock(0)
    }

    @usableFromInline
    var hasSkip: Bool { documentFrequency >= BitPacking.blockSize }

    @usableFromInline
    mutating func markDamaged() {
        isDamaged = true
        current = .end
        count = 0
        index = 0
        decodedBlock = blockTotal
    }

    /// Decodes block `block` into the buffer and positions the cursor on its first entry.
    @usableFromInline
    mutating func loadBlock(_ block: Int) {
        guard block < blockTotal else {
            current = .end
            index = max(count - 1, 0)
            return
        }
        if metaBlock > block { restartMetadata() }
        if metaBlock < block { walkMetadata(passingBelow: 0, orBefore: block) }
        guard !isDamaged else { return }
        // A block's bytes are exact with skip data; a single tail block takes at most 10
        // bytes a posting (two 5-byte varints).
        let dataEnd = metaDataStart + (hasSkip ? metaDataBytes : 10 * documentFrequency)
        guard checked.postings.isIntact(metaDataStart..<dataEnd) else { return markDamaged() }
        let decoded = block < fullBlocks ? decodeFullBlock() : decodeTail()
        guard decoded else { return markDamaged() }
        decodedBlock = block
        index = 0
        positionIndex = 0
        positionOffset = metaPositionStart
        positionEnd = hasSkip ? metaPositionStart + metaPositionBytes : -1
        current = PassageNumber(rawValue: buffer.docs[0])
    }

    private mutating func decodeFullBlock() -> Bool {
        var offset = metaDataStart
        let size = BitPacking.blockSize
        guard offset < dataCount else { return false }
        let width = Int(data.load(fromByteOffset: offset, as: UInt8.self))
        guard width <= 32, offset + 2 + 16 * width <= dataCount else { return false }
        // Gaps become passages by a running sum in 64 bits: it cannot wrap, so ending on the
        // skip entry's last passage proves every gap fitted (no per-entry check).
        var passages = PassagesFromGaps(destination: buffer.docs, next: UInt64(metaBase))
        BitPacking.unpack(data + offset + 1, width: width, into: &passages)
        offset += 1 + 16 * width
        let freqWidth = Int(data.load(fromByteOffset: offset, as: UInt8.self))
        guard freqWidth <= 32, offset + 1 + 16 * freqWidth <= dataCount else { return false }
        if defersFrequencies {
            pendingFreqs = data + offset + 1
            pendingWidth = freqWidth
        } else {
            pendingFreqs = nil
            Self.unpackFrequencies(data + offset + 1, width: freqWidth, into: buffer.freqs)
        }
        offset += 1 + 16 * freqWidth
        count = size
        return passages.next &- 1 == UInt64(metaLast) && offset - metaDataStart == metaDataBytes && metaLast < passageLimit
    }

    /// A full block's frequencies, stored minus one at `width` bits each.
    private static func unpackFrequencies(_ packed: UnsafeRawPointer, width: Int, into freqs: UnsafeMutablePointer<UInt32>) {
        var frequencies = FrequenciesFromStored(destination: freqs)
        BitPacking.unpack(packed, width: width, into: &frequencies)
    }

    /// Unpacks the decoded full block's deferred frequencies (see `defersFrequencies`).
    mutating func unpackFreqs() {
        guard let packed = pendingFreqs else { return }
        Self.unpackFrequencies(packed, width: pendingWidth, into: buffer.freqs)
        pendingFreqs = nil
    }

    private mutating func decodeTail() -> Bool {
        pendingFreqs = nil
        let total = documentFrequency - fullBlocks * BitPacking.blockSize
        let limit = UInt64(passageLimit)
        var offset = metaDataStart
        var next = UInt64(metaBase)
        for i in 0..<total {
            guard let entry = Varint.read(data, &offset, limit: dataCount) else { return false }
            var freq: UInt64 = 1
            if entry & 1 == 0 {
                guard let extra = Varint.read(data, &offset, limit: dataCount), extra < UInt64(UInt32.max) else {
                    return false
                }
                freq = extra + 1
            }
            guard entry >> 1 < limit else { return false }
            let passage = next + (entry >> 1)
            guard passage < limit else { return false }
            buffer.docs[i] = UInt32(passage)
            buffer.freqs[i] = UInt32(freq)
            next = passage + 1
        }
        count = total
        if hasSkip { return buffer.docs[total - 1] == metaLast }
        metaLast = buffer.docs[total - 1]
        return true
    }

    /// Verifies the positions of the decoded block before the first is read: false (the
    /// cursor then damaged) on a checksum mismatch. Without skip data their length is bounded
    /// by 5 bytes a position.
    mutating func positionsAreIntact() -> Bool {
        if positionEnd < 0 {
            positionEnd = positionOffset + (0..<count).reduce(0) { $0 + 5 * Int(buffer.freqs[$1]) }
        }
        guard checked.positions.isIntact(positionOffset..<positionEnd) else {
            markDamaged()
            return false
        }
        positionEnd = Int.max
        return true
    }

    /// Moves `positionOffset` past `number` positions: each varint ends at a byte below
    /// 0x80, so whole words are passed by counting such bytes eight at a time. The count
    /// is a multiply that adds up the bytes' flags (one each): `nonzeroBitCount` has no
    /// instruction on the baseline x86-64 target and took three times as long.
    mutating func skipPositions(_ number: Int) {
        var offset = positionOffset
        // Falling short is damage, which the decoding that follows finds.
        _ = Varint.skip(number, positionData, &offset, limit: positionCount)
        positionOffset = offset
    }

    /// Appends `count` delta-coded positions read from `offset` on; false if the file ends
    /// first or a varint is malformed. Reads without a bound check per byte when the
    /// longest encoding of all of them fits before the end.
    @inline(__always)
    mutating func decodePositions<Sink: PositionSink>(_ count: Int, from offset: inout Int, into sink: inout Sink) -> Bool {
        sink.reserve(count)
        var position: UInt32 = 0
        if offset + 10 * count <= positionCount {
            // The bound above holds every byte the varints can take.
            for _ in 0..<count {
                guard let delta = Varint.readUnchecked(positionData, &offset), delta <= UInt64(UInt32.max) else {
                    return false
                }
                position &+= UInt32(truncatingIfNeeded: delta)
                sink.put(position)
            }
            return true
        }
        for _ in 0..<count {
            guard let delta = Varint.read(positionData, &offset, limit: positionCount), delta <= UInt64(UInt32.max) else {
                return false
            }
            position &+= UInt32(truncatingIfNeeded: delta)
            sink.put(position)
        }
        return true
    }
}

/// A full block's passages from its gaps (each stored as passage − previous − 1), summed
/// as they are unpacked.
private struct PassagesFromGaps: UnpackSink {
    let destination: UnsafeMutablePointer<UInt32>
    /// The passage the next gap is added to: the block's base, then one past the last.
    var next: UInt64

    @inline(__always)
    mutating func put(_ value: UInt32, at index: Int) {
        next &+= UInt64(value)
        destination[index] = UInt32(truncatingIfNeeded: next)
        next &+= 1
    }
}

/// A full block's frequencies, stored minus one.
private struct FrequenciesFromStored: UnpackSink {
    let destination: UnsafeMutablePointer<UInt32>

    @inline(__always)
    func put(_ value: UInt32, at index: Int) {
        destination[index] = value &+ 1
    }
}

/// Where decoded positions go, in order.
protocol PositionSink {
    /// Called once before `count` positions are put.
    mutating func reserve(_ count: Int)
    mutating func put(_ position: UInt32)
}

/// Positions appended to an array.
struct AppendedPositions: PositionSink {
    var result: [UInt32]

    mutating func reserve(_ count: Int) {
        result.reserveCapacity(result.count + count)
    }

    @inline(__always)
    mutating func put(_ position: UInt32) {
        result.append(position)
    }
}

/// Positions written to memory the caller sized.
struct WrittenPositions: PositionSink {
    let destination: UnsafeMutablePointer<UInt32>
    private(set) var count = 0

    init(destination: UnsafeMutablePointer<UInt32>) {
        self.destination = destination
    }

    func reserve(_ count: Int) {}

    @inline(__always)
    mutating func put(_ position: UInt32) {
        destination[count] = position
        count &+= 1
    }
}
