/// A growable byte buffer with the primitive encodings every index file uses:
/// little-endian fixed-width integers and LEB128 varints.
struct ByteWriter {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    var count: Int { bytes.count }

    mutating func append(_ byte: UInt8) { bytes.append(byte) }

    mutating func append(contentsOf other: some Sequence<UInt8>) { bytes.append(contentsOf: other) }

    mutating func append(_ raw: UnsafeRawBufferPointer) { bytes.append(contentsOf: raw) }

    mutating func appendFixed<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    @inline(__always)
    mutating func appendVarint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func appendVarint(_ value: Int) { appendVarint(UInt64(value)) }

    mutating func appendVarint(_ value: UInt32) { appendVarint(UInt64(value)) }

    /// A length-prefixed UTF-8 string.
    mutating func appendString(_ string: String) {
        var copy = string
        copy.withUTF8 { utf8 in
            appendVarint(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    /// A string that may be absent: 0 for `nil`, else length + 1 and the bytes.
    mutating func appendOptionalString(_ string: String?) {
        guard var copy = string else { return appendVarint(0) }
        copy.withUTF8 { utf8 in
            appendVarint(utf8.count + 1)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }
}
