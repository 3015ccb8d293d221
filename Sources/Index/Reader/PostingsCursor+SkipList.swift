/// Reading the skip list: one entry per block (its last passage as a delta from the block's
/// base, its postings and positions byte lengths, its impacts), loaded ahead of decoding so
/// that pruning can bound a block, and a cursor moved to a far target can pass whole blocks.
/// Every entry is checked as it is read; a bad one marks the cursor damaged.
extension PostingsCursor {
    /// Rewinds the skip metadata to the first block (no-op for a single-block term, whose
    /// metadata comes from decoding it).
    @usableFromInline
    mutating func restartMetadata() {
        if !hasSkip && metaBlock == 0 { return }
        metaBlock = -1
        metaLast = 0
        metaDataStart = dataStart
        metaDataBytes = 0
        metaPositionStart = positionsStart
        metaPositionBytes = 0
        skipOffset = skipStart
        loadNextMetadata()
    }

    /// Loads the next block's skip entry. An entry that is only passed on the way to
    /// `target` or `block` (it ends below the one, or comes before the other, and another
    /// follows) has its impacts skipped over rather than built: nobody asks for them, and
    /// a dense term moved to sparse targets passes many entries.
    @usableFromInline
    mutating func loadNextMetadata(passingBelow target: UInt32 = 0, orBefore block: Int = 0) {
        let first = metaBlock < 0
        metaBlock += 1
        metaBase = first ? 0 : metaLast &+ 1
        metaDataStart += metaDataBytes
        metaPositionStart += metaPositionBytes
        guard hasSkip else { return }
        let limit = dataStart
        guard let last = Varint.read(data, &skipOffset, limit: limit),
              let dataBytes = Varint.read(data, &skipOffset, limit: limit),
              let positionBytes = Varint.read(data, &skipOffset, limit: limit),
              last < UInt64(passageLimit), dataBytes < UInt64(dataCount),
              positionBytes < UInt64(positionCount + 1)
        else { return markDamaged() }
        metaLast = metaBase &+ UInt32(last)
        metaDataBytes = Int(dataBytes)
        metaPositionBytes = Int(positionBytes)
        // Format 4 bounds the impacts by their length; earlier formats end where they end.
        var impactsEnd = limit
        if sizedImpacts {
            guard let length = Varint.read(data, &skipOffset, limit: limit), length <= UInt64(limit - skipOffset) else {
                return markDamaged()
            }
            impactsEnd = skipOffset + Int(length)
        }
        if (metaLast < target || metaBlock < block) && metaBlock + 1 < blockTotal {
            if sizedImpacts {
                skipOffset = impactsEnd
            } else {
                guard Impacts.skip(data, &skipOffset, limit: limit) else { return markDamaged() }
            }
        } else {
            guard let impacts = Impacts(decoding: { Varint.read(data, &skipOffset, limit: impactsEnd) }),
                  !sizedImpacts || skipOffset == impactsEnd
            else {
                return markDamaged()
            }
            metaImpacts = impacts
        }
    }

    /// Loads skip entries until the loaded one ends at or past `target` and is block `block`
    /// or later, or is the last: `loadNextMetadata` in a loop, in a tighter one. A common
    /// word moved to a rare word's passages (a phrase) passes many entries per move, and
    /// reading each through the general path (a bound check per byte, the cursor's fields
    /// stored per entry) cost a tenth of such a query. Here the state stays in registers
    /// and is stored once, and while an entry lies far enough before the skip list's end
    /// (ten bytes a varint at most) its varints are read with no bound check per byte; the
    /// same checks on the values are made. Near the end, or at an entry that fails a check,
    /// `loadNextMetadata` takes over (and marks the cursor damaged).
    @usableFromInline
    mutating func walkMetadata(passingBelow target: UInt32, orBefore block: Int) {
        guard !isDamaged else { return }
        let lastBlock = blockTotal - 1
        if hasSkip && metaBlock >= 0 && metaBlock < lastBlock, walkEntries(to: target, block: block) { return }
        while (metaLast < target || metaBlock < block) && metaBlock < lastBlock && !isDamaged {
            loadNextMetadata(passingBelow: target, orBefore: block)
        }
    }

    /// The fast part of `walkMetadata`: true when it loaded the entry the walk ends on,
    /// false when it stopped before (having stored the entries it passed).
    @inline(__always)
    private mutating func walkEntries(to target: UInt32, block: Int) -> Bool {
        // Four varints (or three and an impacts header); all the impacts of the entry the
        // walk ends on.
        let entryBound = 40, impactsBound = 10 + 10 * (2 * Impacts.capacity - 1)
        let lastBlock = blockTotal - 1, limit = dataStart, bytes = data
        let passages = UInt64(passageLimit), dataLimit = UInt64(dataCount)
        let positionLimit = UInt64(positionCount + 1)
        var number = metaBlock, last = metaLast, entryBase = metaBase, passed = skipOffset
        var dataStart = metaDataStart, dataBytes = metaDataBytes
        var positionStart = metaPositionStart, positionBytes = metaPositionBytes
        var loaded = false
        while passed &+ entryBound <= limit {
            var offset = passed
            guard let delta = Varint.readUnchecked(bytes, &offset),
                  let nextDataBytes = Varint.readUnchecked(bytes, &offset),
                  let nextPositionBytes = Varint.readUnchecked(bytes, &offset),
                  delta < passages, nextDataBytes < dataLimit, nextPositionBytes < positionLimit
            else { break }
            var impactsLength = -1
            if sizedImpacts {
                guard let length = Varint.readUnchecked(bytes, &offset), length <= UInt64(limit &- offset) else { break }
                impactsLength = Int(truncatingIfNeeded: length)
            }
            let nextBase = last &+ 1
            let nextLast = nextBase &+ UInt32(truncatingIfNeeded: delta)
            if (nextLast < target || number &+ 1 < block) && number &+ 1 < lastBlock {
                if impactsLength >= 0 {
                    offset &+= impactsLength
                } else {
                    guard Impacts.skipUnchecked(bytes, &offset, limit: limit) else { break }
                }
            } else {
                let impactsEnd = offset &+ impactsLength
                guard offset &+ impactsBound <= limit,
                      let impacts = Impacts(decoding: { Varint.readUnchecked(bytes, &offset) }),
                      impactsLength < 0 || offset == impactsEnd
                else { break }
                metaImpacts = impacts
                loaded = true
            }
            // Each sum stays below the entries read times a file's size: no overflow.
            number &+= 1
            entryBase = nextBase
            last = nextLast
            dataStart &+= dataBytes
            dataBytes = Int(nextDataBytes)
            positionStart &+= positionBytes
            positionBytes = Int(nextPositionBytes)
            passed = offset
            if loaded { break }
        }
        metaBlock = number
        metaBase = entryBase
        metaLast = last
        metaDataStart = dataStart
        metaDataBytes = dataBytes
        metaPositionStart = positionStart
        metaPositionBytes = positionBytes
        skipOffset = passed
        return loaded
    }
}
