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

    /// Unpacks 128 values of `width` bits from `source` into `destination`.
    /// - Warning: the caller checks that `16 * width` bytes are readable at `source`.
    @inlinable
    static func unpack(_ source: UnsafeRawPointer, width: Int, into destination: UnsafeMutablePointer<UInt32>) {
        guard width > 0 else {
            destination.update(repeating: 0, count: blockSize)
            return
        }
        let mask: UInt64 = (1 << UInt64(width)) - 1
        var accumulator: UInt64 = 0
        var available = 0
        var offset = 0
        for i in 0..<blockSize {
            if available < width {
                let word = UInt64(UInt32(littleEndian: source.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
                accumulator |= word << UInt64(available)
                available += 32
                offset += 4
            }
            destination[i] = UInt32(truncatingIfNeeded: accumulator & mask)
            accumulator >>= UInt64(width)
            available -= width
        }
    }
}
