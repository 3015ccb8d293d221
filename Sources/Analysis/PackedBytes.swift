/// Up to sixteen bytes as two little-endian words, zero past the end: a short word compared
/// or hashed as two integers (the stem cache's keys, the snippet matcher's terms). A loop
/// beats a `memcpy` call at these lengths.
public enum PackedBytes {
    /// The first `min(count, 16)` bytes at `bytes`.
    @inlinable
    @inline(__always)
    public static func words(_ bytes: UnsafePointer<UInt8>, count: Int) -> (UInt64, UInt64) {
        let count = min(count, 16)
        var low: UInt64 = 0
        var high: UInt64 = 0
        for index in 0..<min(count, 8) { low |= UInt64(bytes[index]) << UInt64(8 * index) }
        for index in min(count, 8)..<count { high |= UInt64(bytes[index]) << UInt64(8 * (index - 8)) }
        return (low, high)
    }

    /// The first sixteen bytes of `bytes`.
    @inlinable
    @inline(__always)
    public static func words(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        guard let base = bytes.baseAddress else { return (0, 0) }
        return words(base, count: bytes.count)
    }
}
