/// Up to sixteen bytes as two little-endian words, zero past the end: a short word compared
/// or hashed as two integers (the stem cache's keys, the snippet matcher's terms).
///
/// Read as two overlapping loads (the first and the last eight, or four, bytes) rather than
/// byte by byte: it is done for every word a snippet stems or compares, and a loop cost about
/// five instructions a byte. Never reads outside `count` bytes.
public enum PackedBytes {
    /// The first `min(count, 16)` bytes at `bytes`.
    @inlinable
    @inline(__always)
    public static func words(_ bytes: UnsafePointer<UInt8>, count: Int) -> (UInt64, UInt64) {
        let count = min(count, 16)
        let raw = UnsafeRawPointer(bytes)
        if count >= 8 {
            let low = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
            guard count > 8 else { return (low, 0) }
            // Bytes count-8..<count: shifted down, bytes 8..<count land in place.
            let last = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
            return (low, last >> UInt64(8 * (16 - count)))
        }
        if count >= 4 {
            let first = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
            let last = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)))
            return (first | last << UInt64(8 * (count - 4)), 0)
        }
        var low: UInt64 = 0
        for index in 0..<max(count, 0) { low |= UInt64(bytes[index]) << UInt64(8 * index) }
        return (low, 0)
    }

    /// The first sixteen bytes of `bytes`.
    @inlinable
    @inline(__always)
    public static func words(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        guard let base = bytes.baseAddress else { return (0, 0) }
        return words(base, count: bytes.count)
    }
}
