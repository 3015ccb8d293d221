import Synchronization

/// An open index file whose bytes are verified chunk by chunk, the first time a read touches
/// them (layout: `IndexFileKind`).
///
/// Why: hashing a whole 70 MB postings file on every search would cost more than the search,
/// and checking only the frame would let a flipped byte silently change an answer. So every
/// read path of the large files asks this object first (`verify` or `isIntact`) for the byte
/// range it is about to read, once per block it loads; a chunk already verified costs one
/// bitmap test. Readers share one `CheckedFile` across threads: the bitmap is atomic, and two
/// threads that race to verify the same chunk both hash it and agree.
///
/// A mismatch is remembered (`damage`) as well as thrown, so a caller whose read path cannot
/// throw (a postings cursor ends early instead) or that treats an error as "absent" still
/// learns, after the search, that the answer is not to be trusted.
final class CheckedFile: @unchecked Sendable {
    let name: String
    /// The format version in the header (`IndexFileKind.readableVersions`).
    let version: UInt32
    /// The bytes between header and chunk table.
    let payload: UnsafeRawBufferPointer
    /// Keeps `payload` mapped.
    private let file: MappedFile
    private let table: UnsafeRawPointer
    private let chunkShift: Int
    /// Bytes the chunks cover: header and payload.
    private let covered: Int
    /// One bit per chunk, set once its checksum matched.
    private let verified: UnsafeMutablePointer<Atomic<UInt64>>
    private let wordCount: Int
    private let firstDamage = Mutex<IndexError?>(nil)

    /// Checks the frame and, with `.checksum`, every byte (then every chunk counts as verified).
    init(_ file: MappedFile, kind: IndexFileKind, verify: Verification) throws {
        let bytes = file.bytes, n = bytes.count, name = file.name
        guard n >= IndexFileKind.headerSize + IndexFileKind.footerSize, let base = bytes.baseAddress else {
            throw IndexError.damaged(name, "too short (\(n) bytes), probably truncated")
        }
        func word(_ offset: Int) -> UInt32 { UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) }
        guard word(0) == kind.rawValue else { throw IndexError.damaged(name, "not a \(kind) file (bad magic number)") }
        let version = word(4)
        guard IndexFileKind.readableVersions.contains(version) else {
            let readable = IndexFileKind.readableVersions
            throw IndexError.damaged(
                name, "format version \(version), this citex reads versions \(readable.lowerBound) to \(readable.upperBound)")
        }
        guard word(n - 16) == IndexFileKind.footerMagic else { throw IndexError.damaged(name, "footer missing, probably truncated") }
        let shift = Int(word(n - 12)), count = Int(word(n - 20))
        let covered = n - IndexFileKind.footerSize - 4 * count
        guard (5...30).contains(shift), covered >= IndexFileKind.headerSize,
              count == (covered + (1 << shift) - 1) >> shift
        else { throw IndexError.damaged(name, "chunk table inconsistent with the file size") }
        if verify == .checksum {
            let stored = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self))
            guard stored == XXHash64.hash(UnsafeRawBufferPointer(rebasing: bytes[0..<n - 8])) else {
                throw IndexError.damaged(name, "checksum mismatch")
            }
        }
        self.name = name
        self.version = version
        self.file = file
        self.covered = covered
        chunkShift = shift
        table = base + covered
        payload = UnsafeRawBufferPointer(rebasing: bytes[IndexFileKind.headerSize..<covered])
        wordCount = (count + 63) >> 6
        verified = .allocate(capacity: wordCount)
        let initial: UInt64 = verify == .checksum ? .max : 0
        for w in 0..<wordCount { (verified + w).initialize(to: Atomic(initial)) }
    }

    deinit {
        verified.deinitialize(count: wordCount)
        verified.deallocate()
    }

    /// The first checksum mismatch any read of this file met, if any.
    var damage: IndexError? { firstDamage.withLock { $0 } }

    /// Verifies the chunks holding payload bytes `range` (unverified ones are hashed now).
    /// - Throws: `IndexError.damaged` naming the file and the chunk's bytes on a mismatch,
    ///   also remembered in `damage`.
    @inline(__always)
    func verify(_ range: Range<Int>) throws {
        if let chunk = firstBadChunk(range) { throw mismatch(chunk) }
    }

    /// `verify` for read paths that cannot throw: false on a mismatch (remembered in `damage`).
    func isIntact(_ range: Range<Int>) -> Bool { firstBadChunk(range) == nil }

    /// Hashes every chunk, verified or not, against the table (for `citex check`, which
    /// opens with `.checksum` and so proves the table is the one written, not that it is right).
    func verifyEveryChunk() throws {
        for chunk in 0..<(covered + (1 << chunkShift) - 1) >> chunkShift where !chunkMatches(chunk) {
            throw mismatch(chunk)
        }
    }

    /// The first chunk of `range` (payload offsets) that fails its checksum, if any. Inlined
    /// for its common case, one chunk already verified: a bit test.
    @inline(__always)
    private func firstBadChunk(_ range: Range<Int>) -> Int? {
        let start = max(0, range.lowerBound) + IndexFileKind.headerSize
        let end = min(covered - IndexFileKind.headerSize, range.upperBound) + IndexFileKind.headerSize
        guard start < end else { return nil }
        let first = start >> chunkShift, last = (end - 1) >> chunkShift
        if first == last && isVerified(first) { return nil }
        return firstBadChunk(first...last)
    }

    @inline(__always)
    private func isVerified(_ chunk: Int) -> Bool {
        // Relaxed: the bit publishes no data (the bytes are immutable); at worst another
        // thread hashes the chunk once more.
        verified[chunk >> 6].load(ordering: .relaxed) & 1 << UInt64(chunk & 63) != 0
    }

    private func firstBadChunk(_ chunks: ClosedRange<Int>) -> Int? {
        for chunk in chunks where !isVerified(chunk) {
            guard chunkMatches(chunk) else {
                let error = mismatch(chunk)
                firstDamage.withLock { if $0 == nil { $0 = error } }
                return chunk
            }
            verified[chunk >> 6].bitwiseOr(1 << UInt64(chunk & 63), ordering: .relaxed)
        }
        return nil
    }

    private func chunkBytes(_ chunk: Int) -> Range<Int> {
        let start = chunk << chunkShift
        return start..<min(covered, start + (1 << chunkShift))
    }

    private func chunkMatches(_ chunk: Int) -> Bool {
        let actual = XXHash64.hash(UnsafeRawBufferPointer(rebasing: file.bytes[chunkBytes(chunk)]))
        return UInt32(truncatingIfNeeded: actual) == UInt32(littleEndian: table.loadUnaligned(fromByteOffset: 4 * chunk, as: UInt32.self))
    }

    private func mismatch(_ chunk: Int) -> IndexError {
        let bytes = chunkBytes(chunk)
        return IndexError.damaged(name, "checksum mismatch in bytes \(bytes.lowerBound)..<\(bytes.upperBound)")
    }
}
