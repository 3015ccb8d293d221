import Index

extension PassageID {
    /// The ID of the `occurrence`-th passage (from 0) with exactly `text` in the document at `path`.
    ///
    /// XXH64 of `path`, NUL, `text`, NUL, `occurrence` (8 bytes little-endian): it depends on nothing
    /// else, so a passage keeps its ID across re-ingests while its text is unchanged, even when
    /// passages before it change; the occurrence keeps repeated boilerplate-like passages apart.
    public static func derive(path: String, text: String, occurrence: Int) -> PassageID {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(path.utf8.count + text.utf8.count + 10)
        bytes.append(contentsOf: path.utf8)
        bytes.append(0)
        bytes.append(contentsOf: text.utf8)
        bytes.append(0)
        withUnsafeBytes(of: UInt64(occurrence).littleEndian) { bytes.append(contentsOf: $0) }
        return PassageID(rawValue: bytes.withUnsafeBytes { XXHash64.hash($0) })
    }
}
