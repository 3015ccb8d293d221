/// Walks the term dictionaries of several segments in lockstep, yielding each distinct key
/// once with the segments that hold it. Used by merges and by the distinct-term count.
struct MergedTermIterator {
    private var iterators: [TermDictionary.Iterator]
    private var live: [Bool]
    /// The current key (field byte + term) after `next()` returned true.
    private(set) var key: [UInt8] = []
    /// Indices of the segments holding `key`, and their entries.
    private(set) var holders: [(segment: Int, info: TermInfo)] = []

    init(_ readers: [SegmentReader]) throws {
        iterators = readers.map { $0.dictionary.makeIterator() }
        live = []
        for i in iterators.indices { live.append(try iterators[i].next()) }
    }

    mutating func next() throws -> Bool {
        var smallest: Int?
        for i in iterators.indices where live[i] {
            if let s = smallest {
                let order = iterators[i].key.withUnsafeBytes { a in iterators[s].key.withUnsafeBytes { b in compare(a, b) } }
                if order < 0 { smallest = i }
            } else {
                smallest = i
            }
        }
        guard let smallest else { return false }
        key = iterators[smallest].key
        holders.removeAll(keepingCapacity: true)
        for i in iterators.indices where live[i] && iterators[i].key == key {
            holders.append((i, iterators[i].info))
            live[i] = try iterators[i].next()
        }
        return true
    }
}
