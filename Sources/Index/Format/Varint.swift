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

    /// Moves `offset` past `count` varints, counting the bytes that end one (below 0x80)
    /// eight at a time while eight remain before `limit`; `false` when `limit` comes first.
    /// Unlike `skip`, a varint's length is not checked: for bytes a caller verified (a
    /// dictionary block) or reads no further (positions passed over).
    @inline(__always)
    static func skip(_ count: Int, _ base: UnsafeRawPointer, _ offset: inout Int, limit: Int) -> Bool {
        var remaining = count
        while remaining > 0 && offset &+ 8 <= limit {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            let ends = (~word & 0x8080_8080_8080_8080) >> 7
            let count = Int(truncatingIfNeeded: (ends &* 0x0101_0101_0101_0101) >> 56)
            guard count < remaining else { break }
            remaining &-= count
            offset &+= 8
        }
        while remaining > 0 && offset < limit {
            if base.load(fromByteOffset: offset, as: UInt8.self) < 0x80 { remaining &-= 1 }
            offset &+= 1
        }
        return remaining == 0
    }

    /// `read` for a caller that has checked that ten bytes remain before its limit (once
    /// for several varints): no bound check per byte. `nil` past ten bytes, as `read`.
    @inline(__always)
    static func readUnchecked(_ base: UnsafeRawPointer, _ offset: inout Int) -> UInt64? {
        var byte = base.load(fromByteOffset: offset, as: UInt8.self)
        offset &+= 1
        var result = UInt64(byte & 0x7F)
        var shift: UInt64 = 7
        while byte >= 0x80 {
            guard shift < 64 else { return nil }
            byte = base.load(fromByteOffset: offset, as: UInt8.self)
            offset &+= 1
            result |= UInt64(byte & 0x7F) &<< shift
            shift &+= 7
        }
        return result
    }

    /// Moves `offset` past `count` varints, for a caller that has checked that `10 · count`
    /// bytes remain before its limit; `false` as `skip` would give. The varints are passed a
    /// word at a time: the bytes below 0x80 in the eight from the current varint on end the
    /// varints wholly inside them. Only a varint that does not end within its first eight
    /// bytes is passed byte by byte. (Skip entries' impacts: about nine one- or two-byte
    /// varints per entry, which cost 100 instructions byte by byte.)
    @inline(__always)
    static func skipUnchecked(_ count: Int, _ base: UnsafeRawPointer, _ offset: inout Int) -> Bool {
        var remaining = count
        while remaining > 0 {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            let ends = ~word & 0x8080_8080_8080_8080
            if ends == 0 {
                guard skipUnchecked(base, &offset) else { return false }
                remaining &-= 1
                continue
            }
            // A multiply by 0x0101… leaves in byte i how many varints end in bytes 0 through
            // i (at most eight: no carries), the top byte counting the word's. The varint
            // passed last ends at the first byte whose count reaches `passed`: there, and only
            // from there on, adding 0x80 − passed sets the byte's top bit.
            let counts = (ends >> 7) &* 0x0101_0101_0101_0101
            let passed = min(Int(truncatingIfNeeded: counts >> 56), remaining)
            let reached = ((counts | 0x8080_8080_8080_8080) &- UInt64(passed) &* 0x0101_0101_0101_0101)
                & 0x8080_8080_8080_8080
            offset &+= reached.trailingZeroBitCount >> 3 &+ 1
            remaining &-= passed
        }
        return true
    }

    /// `skip` for a caller that has checked that ten bytes remain before its limit.
    @inline(__always)
    static func skipUnchecked(_ base: UnsafeRawPointer, _ offset: inout Int) -> Bool {
        let end = offset &+ 10
        while offset < end {
            let byte = base.load(fromByteOffset: offset, as: UInt8.self)
            offset &+= 1
            if byte < 0x80 { return true }
        }
        return false
    }
}
