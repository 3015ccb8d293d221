/// XXH64 (Yann Collet's xxHash, 64-bit), implemented here: the checksum of every index file
/// and the content hash of every source file.
///
/// Chosen over CRC32C because it runs at memory speed in portable Swift (four independent
/// multiply lanes), so verifying a file costs little more than touching its pages.
/// Streaming: feed whole 32-byte stripes with `update`, then the rest to `finalize`.
public struct XXHash64: Sendable {
    @usableFromInline static let p1: UInt64 = 11_400_714_785_074_694_791
    @usableFromInline static let p2: UInt64 = 14_029_467_366_897_019_727
    @usableFromInline static let p3: UInt64 = 1_609_587_929_392_839_161
    @usableFromInline static let p4: UInt64 = 9_650_029_242_287_828_579
    @usableFromInline static let p5: UInt64 = 2_870_177_450_012_600_261

    private var v1: UInt64, v2: UInt64, v3: UInt64, v4: UInt64
    private var length: UInt64 = 0
    private let seed: UInt64

    public init(seed: UInt64 = 0) {
        self.seed = seed
        v1 = seed &+ Self.p1 &+ Self.p2
        v2 = seed &+ Self.p2
        v3 = seed
        v4 = seed &- Self.p1
    }

    /// The hash of `bytes` in one call.
    public static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        var hasher = XXHash64(seed: seed)
        let whole = bytes.count & ~31
        hasher.update(UnsafeRawBufferPointer(rebasing: bytes[0..<whole]))
        return hasher.finalize(UnsafeRawBufferPointer(rebasing: bytes[whole...]))
    }

    public static func hash(_ bytes: [UInt8], seed: UInt64 = 0) -> UInt64 {
        bytes.withUnsafeBytes { hash($0, seed: seed) }
    }

    @inline(__always)
    private static func round(_ acc: UInt64, _ input: UInt64) -> UInt64 {
        ((acc &+ input &* p2) <<< 31) &* p1
    }

    @inline(__always)
    private static func merge(_ acc: UInt64, _ value: UInt64) -> UInt64 {
        (acc ^ round(0, value)) &* p1 &+ p4
    }

    /// Feeds whole stripes. - Precondition: `bytes.count` is a multiple of 32.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        precondition(bytes.count & 31 == 0, "XXHash64.update takes whole 32-byte stripes")
        guard let base = bytes.baseAddress else { return }
        var a = v1, b = v2, c = v3, d = v4
        var offset = 0
        while offset < bytes.count {
            a = Self.round(a, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            b = Self.round(b, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)))
            c = Self.round(c, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self)))
            d = Self.round(d, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self)))
            offset += 32
        }
        v1 = a; v2 = b; v3 = c; v4 = d
        length &+= UInt64(bytes.count)
    }

    /// Feeds the last bytes (fewer than 32) and returns the hash.
    public func finalize(_ tail: UnsafeRawBufferPointer) -> UInt64 {
        let total = length &+ UInt64(tail.count)
        var h: UInt64
        if length >= 32 {
            h = (v1 <<< 1) &+ (v2 <<< 7) &+ (v3 <<< 12) &+ (v4 <<< 18)
            h = Self.merge(h, v1)
            h = Self.merge(h, v2)
            h = Self.merge(h, v3)
            h = Self.merge(h, v4)
        } else {
            h = seed &+ Self.p5
        }
        h &+= total
        var offset = 0
        while offset + 8 <= tail.count {
            let k = Self.round(0, UInt64(littleEndian: tail.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            h = ((h ^ k) <<< 27) &* Self.p1 &+ Self.p4
            offset += 8
        }
        if offset + 4 <= tail.count {
            let k = UInt64(UInt32(littleEndian: tail.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
            h = ((h ^ (k &* Self.p1)) <<< 23) &* Self.p2 &+ Self.p3
            offset += 4
        }
        while offset < tail.count {
            h = ((h ^ (UInt64(tail[offset]) &* Self.p5)) <<< 11) &* Self.p1
            offset += 1
        }
        h ^= h >> 33
        h &*= Self.p2
        h ^= h >> 29
        h &*= Self.p3
        h ^= h >> 32
        return h
    }
}

infix operator <<< : BitwiseShiftPrecedence

@inline(__always)
func <<< (value: UInt64, amount: UInt64) -> UInt64 {
    (value << amount) | (value >> (64 - amount))
}
