#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A per-thread, direct-mapped memo of Porter2 results for terms of up to 16 bytes.
///
/// Word frequencies are Zipfian, so most tokens repeat a word seen moments ago; a hit costs two
/// 64-bit compares instead of the stemmer's ~45 ns. Each thread gets its own table (320 KiB,
/// freed when the thread ends) through a pthread key, so analysers stay plain `Sendable`
/// values with no locks.
///
/// Slot layout (5 × `UInt64`):
/// ```
/// +-----------+-----------+-----------+-----------+----------------------------------+
/// | word 0..8 | word 8..16| stem 0..8 | stem 8..16| word length | stem length << 8   |
/// +-----------+-----------+-----------+-----------+----------------------------------+
/// ```
/// Bytes past a length are zero. Word length 0 marks an empty slot; stem length `notStemmed`
/// records a term Porter2 leaves alone (digits, other scripts).
struct StemCache {
    static let slotCount = 8192
    static let wordsPerSlot = 5
    static let maxBytes = 16
    private static let notStemmed: UInt64 = 0xFF

    private let slots: UnsafeMutablePointer<UInt64>

    /// The calling thread's cache, created on first use.
    static func current() -> StemCache {
        if let existing = pthread_getspecific(threadKey) {
            return StemCache(slots: existing.assumingMemoryBound(to: UInt64.self))
        }
        let raw = UnsafeMutableRawPointer.allocate(
            byteCount: slotCount * wordsPerSlot * MemoryLayout<UInt64>.stride, alignment: MemoryLayout<UInt64>.alignment)
        let slots = raw.initializeMemory(as: UInt64.self, repeating: 0, count: slotCount * wordsPerSlot)
        pthread_setspecific(threadKey, raw)
        return StemCache(slots: slots)
    }

    /// Stems `word` into `output` (capacity ≥ max(word.count + 1, `maxBytes`)), as `Porter2.stem`
    /// does; a cached stem is written as `maxBytes` bytes, zero after its end.
    @inline(__always)
    func stem(_ word: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<UInt8>) -> Int? {
        guard word.count <= Self.maxBytes, let base = word.baseAddress else { return Porter2.stem(word, into: output) }
        let key = PackedBytes.words(base, count: word.count)
        let hash = (key.0 &* 0x9E37_79B9_7F4A_7C15) ^ (key.1 &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(word.count)
        let slot = slots + Int(truncatingIfNeeded: (hash >> 40) % UInt64(Self.slotCount)) * Self.wordsPerSlot
        if slot[0] == key.0 && slot[1] == key.1 && slot[4] & 0xFF == UInt64(word.count) {
            let length = Int(truncatingIfNeeded: slot[4] >> 8)
            guard length != Int(Self.notStemmed) else { return nil }
            Self.unpack((slot[2], slot[3]), into: output)
            return length
        }
        let result = Porter2.stem(word, into: output)
        if let result, result > Self.maxBytes { return result }
        let stem = result.map { PackedBytes.words(output, count: $0) } ?? (0, 0)
        slot[0] = key.0
        slot[1] = key.1
        slot[2] = stem.0
        slot[3] = stem.1
        slot[4] = UInt64(word.count) | UInt64(result ?? Int(Self.notStemmed)) << 8
        return result
    }

    /// Writes all 16 bytes (those past `count` are zero) as two stores: a byte loop here was
    /// vectorised into masked stores costing ~90 instructions a hit.
    @inline(__always)
    private static func unpack(_ words: (UInt64, UInt64), into output: UnsafeMutablePointer<UInt8>) {
        let raw = UnsafeMutableRawPointer(output)
        raw.storeBytes(of: words.0.littleEndian, as: UInt64.self)
        raw.storeBytes(of: words.1.littleEndian, toByteOffset: 8, as: UInt64.self)
    }
}

/// The pthread key under which each thread keeps its `StemCache` table.
private let threadKey: pthread_key_t = {
    var key = pthread_key_t()
    #if canImport(Darwin)
    pthread_key_create(&key) { $0.deallocate() }
    #else
    pthread_key_create(&key) { $0?.deallocate() }
    #endif
    return key
}()
