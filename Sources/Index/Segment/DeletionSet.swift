/// A set of deleted numbers (passages or documents) of one segment, as a bitset.
public struct DeletionSet: Sendable, Equatable {
    @usableFromInline var words: [UInt64]
    public let capacity: Int
    public private(set) var count = 0

    public init(capacity: Int) {
        self.capacity = capacity
        words = [UInt64](repeating: 0, count: (capacity + 63) / 64)
    }

    @inlinable
    public func contains(_ n: Int) -> Bool {
        guard n >= 0, n < capacity else { return false }
        return words[n >> 6] & (1 << UInt64(n & 63)) != 0
    }

    /// Marks `n` deleted; returns whether it was present before.
    @discardableResult
    public mutating func insert(_ n: Int) -> Bool {
        guard n >= 0, n < capacity, !contains(n) else { return false }
        words[n >> 6] |= 1 << UInt64(n & 63)
        count += 1
        return true
    }

    func write(into out: inout ByteWriter) {
        out.appendFixed(UInt64(capacity))
        out.appendFixed(UInt64(count))
        for word in words { out.appendFixed(word) }
    }

    static func read(_ reader: inout ByteReader) throws -> DeletionSet {
        let capacity = try reader.fixed(UInt64.self)
        let deleted = try reader.fixed(UInt64.self)
        guard capacity < UInt64(UInt32.max), deleted <= capacity else { throw reader.damaged("bad deletion set size") }
        var set = DeletionSet(capacity: Int(capacity))
        for i in set.words.indices { set.words[i] = try reader.fixed(UInt64.self) }
        set.count = set.words.reduce(0) { $0 + $1.nonzeroBitCount }
        guard set.count == Int(deleted) else { throw reader.damaged("deletion count mismatch") }
        return set
    }
}

/// The deletions of one segment: its deleted passages and its deleted documents (a document
/// is deleted with all its passages; a document without passages needs its own bit).
///
/// `.del` file (`NAME_GEN.del`, GEN the commit generation that wrote it):
/// ```
///  payload: passages: u64 capacity │ u64 count │ u64 words × ceil(capacity / 64)
///           documents: the same
/// ```
/// Bit `n % 64` of word `n / 64` is set when number `n` is deleted.
public struct SegmentDeletions: Sendable, Equatable {
    public var passages: DeletionSet
    public var documents: DeletionSet

    init(passageCount: Int, documentCount: Int) {
        passages = DeletionSet(capacity: passageCount)
        documents = DeletionSet(capacity: documentCount)
    }

    func write(to storage: any Storage, name: String) throws {
        let file = try IndexFileWriter(storage: storage, name: name, kind: .deletions)
        var out = ByteWriter(capacity: (passages.words.count + documents.words.count) * 8 + 32)
        passages.write(into: &out)
        documents.write(into: &out)
        try file.write(out)
        try file.finish()
    }

    static func read(_ file: MappedFile) throws -> SegmentDeletions {
        var reader = ByteReader(try file.payload(.deletions, verify: .checksum), file: file.name)
        var result = SegmentDeletions(passageCount: 0, documentCount: 0)
        result.passages = try DeletionSet.read(&reader)
        result.documents = try DeletionSet.read(&reader)
        return result
    }
}
