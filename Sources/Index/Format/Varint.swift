/// LEB128 varints read in place where the caller already knows the bytes' bounds (a
/// verified dictionary block, a postings skip list): no throwing, just `nil` or `false`
/// past `limit` or past ten bytes, which the caller turns into its own error.
///
/// Why not `ByteReader`: its throwing reads cost more than the read itself on paths that
/// pass over a dozen varints to use one (dictionary lookups, skip entries).
enum Varint {
    /// The varint at `offset`, which moves past it; `nil` when it runs past `limit` or is
    /// longer than a `UInt64` allows.
    @inline(__always)
    static func read(_ base: UnsafeRawPointer, _ offset: inout Int, limit: Int) -> UInt64? {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while offset < limit && shift < 64 {
            let byte = base.load(fromByteOffset: offset, as: UInt8.self)
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
        return nil
    }

    /// Moves `offset` past one varint without decoding it; `false` as `read` would give `nil`.
    @inline(__always)
    static func skip(_ base: UnsafeRawPointer, _ offset: inout Int, limit: Int) -> Bool {
        let start = offset
        while offset < limit && offset - start < 10 {
            let byte = base.load(fromByteOffset: offset, as: UInt8.self)
            offset += 1
            if byte < 0x80 { return true }
        }
        return false
    }
}
