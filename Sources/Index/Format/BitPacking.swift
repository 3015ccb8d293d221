/// Packs blocks of 128 unsigned 32-bit integers at a fixed bit width: the core of the
/// postings codec (document gaps and frequencies).
///
/// A block at width `w` takes exactly `16 * w` bytes: value `i` occupies bits
/// `i*w ..< (i+1)*w` of the block read as little-endian 64-bit words. Width 0 (all zeros)
/// takes no bytes.
public enum BitPacking {
    public static let blockSize = 128

    /// Bits needed for the largest of `values`.
    static func width(_ values: UnsafeBufferPointer<UInt32>) -> Int {
        var combined: UInt32 = 0
        for v in values { combined |= v }
        return 32 - combined.leadingZeroBitCount
    }

    /// Appends `values` (exactly 128) packed at `width` bits.
    static func pack(_ values: UnsafeBufferPointer<UInt32>, width: Int, into out: inout ByteWriter) {
        guard width > 0 else { return }
        var accumulator: UInt64 = 0
        var filled = 0
        for v in values {
            accumulator |= UInt64(v) << UInt64(filled)
            filled += width
            if filled >= 64 {
                out.appendFixed(accumulator)
                filled -= 64
                accumulator = filled > 0 ? UInt64(v) >> UInt64(width - filled) : 0
            }
        }
    }

    /// Unpacks 128 values of `width` bits from `source` into `sink`, in order.
    /// - Warning: the caller checks that `16 * width` bytes are readable at `source`.
    ///
    /// Dispatches to a copy of the loop for each width: with the width a constant, each
    /// group of eight values (exactly `width` bytes) unpacks with fixed loads and shifts
    /// and no branch per value. Unpacking was a tenth of a common-word phrase's time. The
    /// sink is generic so that what follows unpacking (adding one, a running sum) happens in
    /// the same loop rather than in a second pass over the block.
    @inline(__always)
    static func unpack<Sink: UnpackSink>(_ source: UnsafeRawPointer, width: Int, into sink: inout Sink) {
        switch width {
        case 0: for index in 0..<blockSize { sink.put(0, at: index) }
        case 1: unpack(source, fixedWidth: 1, into: &sink)
        case 2: unpack(source, fixedWidth: 2, into: &sink)
        case 3: unpack(source, fixedWidth: 3, into: &sink)
        case 4: unpack(source, fixedWidth: 4, into: &sink)
        case 5: unpack(source, fixedWidth: 5, into: &sink)
        case 6: unpack(source, fixedWidth: 6, into: &sink)
        case 7: unpack(source, fixedWidth: 7, into: &sink)
        case 8: unpack(source, fixedWidth: 8, into: &sink)
        case 9: unpack(source, fixedWidth: 9, into: &sink)
        case 10: unpack(source, fixedWidth: 10, into: &sink)
        case 11: unpack(source, fixedWidth: 11, into: &sink)
        case 12: unpack(source, fixedWidth: 12, into: &sink)
        case 13: unpack(source, fixedWidth: 13, into: &sink)
        case 14: unpack(source, fixedWidth: 14, into: &sink)
        case 15: unpack(source, fixedWidth: 15, into: &sink)
        case 16: unpack(source, fixedWidth: 16, into: &sink)
        case 17: unpack(source, fixedWidth: 17, into: &sink)
        case 18: unpack(source, fixedWidth: 18, into: &sink)
        case 19: unpack(source, fixedWidth: 19, into: &sink)
        case 20: unpack(source, fixedWidth: 20, into: &sink)
        default: unpack(source, fixedWidth: width, into: &sink)
        }
    }

    /// The unpacking loop for one width (a constant where the caller inlines it). Value `j`
    /// of a group starts `j * width` bits into the group's bytes, so one unaligned 64-bit
    /// load (`j * width % 8 + width ≤ 39` bits) holds it. The last group is copied into a
    /// padded buffer first so that those loads never read past the block.
    @inline(__always)
    private static func unpack<Sink: UnpackSink>(_ source: UnsafeRawPointer, fixedWidth width: Int, into sink: inout Sink) {
        let groups = blockSize / 8
        for group in 0..<groups - 1 {
            unpackGroup(source + group * width, width: width, first: group * 8, into: &sink)
        }
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 6) { padded in
            let bytes = UnsafeMutableRawPointer(padded.baseAddress!)
            bytes.initializeMemory(as: UInt64.self, repeating: 0, count: 6)
            bytes.copyMemory(from: source + (groups - 1) * width, byteCount: width)
            unpackGroup(UnsafeRawPointer(bytes), width: width, first: (groups - 1) * 8, into: &sink)
        }
    }

    /// Eight values of `width` bits from `width` bytes at `source`, the block's values
    /// `first..<first + 8`; reads up to 7 bytes past them.
    @inline(__always)
    private static func unpackGroup<Sink: UnpackSink>(
        _ source: UnsafeRawPointer, width: Int, first: Int, into sink: inout Sink
    ) {
        let mask: UInt64 = (1 << UInt64(width)) - 1
        for j in 0..<8 {
            let bit = j * width
            let word = UInt64(littleEndian: source.loadUnaligned(fromByteOffset: bit >> 3, as: UInt64.self))
            sink.put(UInt32(truncatingIfNeeded: (word >> UInt64(bit & 7)) & mask), at: first + j)
        }
    }
}

/// What `BitPacking.unpack` does with each value, in order of index.
protocol UnpackSink {
    mutating func put(_ value: UInt32, at index: Int)
}
