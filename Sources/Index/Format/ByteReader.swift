/// A bounds-checked cursor over bytes read from an index file.
///
/// Every read checks the end, and a failure names the file and offset: damaged files give a
/// clear error, never a crash. Hot postings decoding does its own block-level checks instead.
struct ByteReader {
    let bytes: UnsafeRawBufferPointer
    var offset: Int
    let file: String

    init(_ bytes: UnsafeRawBufferPointer, offset: Int = 0, file: String) {
        self.bytes = bytes
        self.offset = offset
        self.file = file
    }

    var isAtEnd: Bool { offset >= bytes.count }

    func damaged(_ what: String) -> IndexError {
        .damaged(file, "\(what) at byte \(offset)")
    }

    mutating func byte() throws -> UInt8 {
        guard offset >= 0, offset < bytes.count else { throw damaged("unexpected end") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func fixed<T: FixedWidthInteger>(_: T.Type) throws -> T {
        let size = MemoryLayout<T>.size
        guard offset >= 0, size <= bytes.count - offset else { throw damaged("unexpected end") }
        defer { offset += size }
        return T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
    }

    mutating func varint() throws -> UInt64 {
        guard offset >= 0, let base = bytes.baseAddress else { throw damaged("unexpected end") }
        guard let value = Varint.read(base, &offset, limit: bytes.count) else {
            throw damaged(offset >= bytes.count ? "unexpected end" : "overlong varint")
        }
        return value
    }

    /// A varint, or nil when `bytes` may be a prefix of longer data (`isPrefix`) and end
    /// inside it: the caller then reads more and retries (the offset is left unchanged).
    mutating func varint(isPrefix: Bool) throws -> UInt64? {
        let start = offset
        do {
            return try varint()
        } catch where isPrefix && offset >= bytes.count {
            offset = start
            return nil
        }
    }

    /// A varint that must fit in an `Int` below `limit` (a count or a length).
    mutating func count(below limit: Int = Int(Int32.max)) throws -> Int {
        let value = try varint()
        guard value < UInt64(limit) else { throw damaged("count \(value) out of range") }
        return Int(value)
    }

    mutating func raw(_ count: Int) throws -> UnsafeRawBufferPointer {
        guard count >= 0, offset >= 0, count <= bytes.count - offset else { throw damaged("unexpected end") }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count])
    }

    mutating func string() throws -> String {
        let length = try count(below: bytes.count + 1)
        return String(decoding: try raw(length), as: UTF8.self)
    }

    mutating func optionalString() throws -> String? {
        let length = try count(below: bytes.count + 2)
        guard length > 0 else { return nil }
        return String(decoding: try raw(length - 1), as: UTF8.self)
    }
}
