/// Writes one term's postings and positions; the only writer of the postings format, used
/// both when a memory buffer is flushed and when segments are merged.
///
/// `.postings`, per term (offset recorded in the term dictionary), df = document frequency:
/// ```
///  df >= 128 only ┌ varint skipBytes
///                 └ skip entry per block (ceil(df/128) of them), all varints:
///                   lastPassage - (previous block's lastPassage + 1) │ blockBytes │
///                   positionBytes │ impactsBytes │ impacts (the block's competitive
///                   (frequency, field length) pairs, see `Impacts+Coding`)
///  full blocks    ┌ u8 width │ 128 gaps packed at width   (gap = passage - previous - 1)
///  (df / 128)     └ u8 width │ 128 (freq - 1) packed at width
///  tail           ┐ per remaining passage: varint (gap << 1 | freq == 1),
///  (df % 128)     ┘                        then varint (freq - 1) unless freq == 1
/// ```
/// `.positions`, per term, block after block: for every passage, `freq` varints of
/// position deltas (the first from 0). A block's positions start where the previous block's
/// `positionBytes` end, so a cursor finds them without decoding earlier blocks, and a query
/// that never asks for positions never touches this file.
///
/// A skip entry's impacts are preceded by their length (format 4) so that a cursor moved to
/// a far target passes an entry with one addition: a stopword inside a phrase is moved to
/// the rarer words' proposals, passing about ten entries each time, and skipping the
/// impacts varint by varint was a fifth of such a phrase's time (`"means the number"`).
struct PostingsEncoder {
    private var skip = ByteWriter()
    private var blocks = ByteWriter()
    private var positionBytes = ByteWriter()
    private var impactBytes = ByteWriter()
    private var values = [UInt32](repeating: 0, count: BitPacking.blockSize)
    private var blockFrontier = ImpactFrontier()
    private var termFrontier = ImpactFrontier()
    /// Whether skip entries give their impacts' length: always, but in tests of what
    /// format 3 wrote.
    private let sizesImpacts: Bool

    init(version: UInt32 = IndexFileKind.currentVersion) {
        sizesImpacts = version >= 4
    }

    /// Appends one term's postings; `positions` holds each passage's `freqs[i]` positions in order.
    mutating func encode(
        passages: UnsafeBufferPointer<UInt32>, freqs: UnsafeBufferPointer<UInt32>,
        positions: UnsafeBufferPointer<UInt32>, norms: NormsView,
        postingsFile: IndexFileWriter, positionsFile: IndexFileWriter
    ) throws -> TermInfo {
        var info = TermInfo(
            documentFrequency: passages.count, postingsOffset: postingsFile.payloadOffset,
            positionsOffset: positionsFile.payloadOffset)
        skip.removeAll()
        blocks.removeAll()
        termFrontier.removeAll()
        let count = passages.count
        let hasSkip = count >= BitPacking.blockSize
        var nextPassage: UInt32 = 0
        var positionIndex = 0
        var start = 0
        while start < count {
            let end = min(start + BitPacking.blockSize, count)
            let blockStart = blocks.count
            positionBytes.removeAll()
            blockFrontier.removeAll()
            for i in start..<end {
                blockFrontier.add(Impact(frequency: freqs[i], norm: norms[Int(passages[i])]))
                var previous: UInt32 = 0
                for _ in 0..<freqs[i] {
                    positionBytes.appendVarint(positions[positionIndex] &- previous)
                    previous = positions[positionIndex]
                    positionIndex += 1
                }
            }
            let blockBase = nextPassage
            if end - start == BitPacking.blockSize {
                values.withUnsafeMutableBufferPointer { buffer in
                    for i in start..<end {
                        buffer[i - start] = passages[i] - nextPassage
                        nextPassage = passages[i] + 1
                    }
                    let gaps = UnsafeBufferPointer(buffer)
                    let width = BitPacking.width(gaps)
                    blocks.append(UInt8(width))
                    BitPacking.pack(gaps, width: width, into: &blocks)
                    for i in start..<end { buffer[i - start] = freqs[i] - 1 }
                    let freqWidth = BitPacking.width(gaps)
                    blocks.append(UInt8(freqWidth))
                    BitPacking.pack(gaps, width: freqWidth, into: &blocks)
                }
            } else {
                for i in start..<end {
                    let gap = UInt64(passages[i] - nextPassage)
                    nextPassage = passages[i] + 1
                    blocks.appendVarint(gap << 1 | (freqs[i] == 1 ? 1 : 0))
                    if freqs[i] != 1 { blocks.appendVarint(freqs[i] - 1) }
                }
            }
            termFrontier.add(blockFrontier)
            if hasSkip {
                skip.appendVarint(passages[end - 1] - blockBase)
                skip.appendVarint(blocks.count - blockStart)
                skip.appendVarint(positionBytes.count)
                impactBytes.removeAll()
                blockFrontier.impacts.encode(into: &impactBytes)
                if sizesImpacts { skip.appendVarint(impactBytes.count) }
                skip.append(contentsOf: impactBytes.bytes)
            }
            try positionsFile.write(positionBytes)
            start = end
        }
        if hasSkip {
            var length = ByteWriter()
            length.appendVarint(skip.count)
            try postingsFile.write(length)
            try postingsFile.write(skip)
        }
        try postingsFile.write(blocks)
        info.impacts = termFrontier.impacts
        return info
    }
}
