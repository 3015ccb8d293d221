/// Field lengths of one field for every passage of a segment (BM25's length normalisation),
/// read in place from the memory-mapped `.norms` file, or from an array while writing.
///
/// Each entry is 1, 2 or 4 bytes wide, the narrowest that fits the field's longest passage.
public struct NormsView: @unchecked Sendable {
    @usableFromInline let base: UnsafeRawPointer?
    @usableFromInline let width: Int
    /// 0 when `base` is nil, so that a read checks only the index.
    public let count: Int

    /// A view of `count` entries of `width` bytes at `base`, which the caller keeps alive and
    /// unchanged for as long as the view is used (a mapped file, or a buffer it owns).
    public init(base: UnsafeRawPointer?, width: Int, count: Int) {
        self.base = base
        self.width = width
        self.count = base == nil ? 0 : count
    }

    /// The length (in tokens) of the field in passage `index`; 0 when out of range.
    /// Always inlined: the scoring loops read one per posting, and left to itself the
    /// compiler made it a call there (6.6 % of a five-word query's instructions).
    @inlinable @inline(__always)
    public subscript(index: Int) -> UInt32 {
        // One unsigned comparison also refuses a negative index; a view with entries has a base.
        guard UInt(bitPattern: index) < UInt(bitPattern: count) else { return 0 }
        let base = base.unsafelyUnwrapped
        switch width {
        case 1: return UInt32(base.load(fromByteOffset: index, as: UInt8.self))
        case 2: return UInt32(UInt16(littleEndian: base.loadUnaligned(fromByteOffset: index * 2, as: UInt16.self)))
        default: return UInt32(littleEndian: base.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self))
        }
    }
}
