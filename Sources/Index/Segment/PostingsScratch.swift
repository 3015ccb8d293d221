/// One term's postings gathered in three flat arrays, ready for `SegmentFilesWriter.addTerm`.
/// Reused from term to term (by flushes and merges) so gathering allocates only while growing.
struct PostingsScratch {
    var passages: [UInt32] = []
    var freqs: [UInt32] = []
    var positions: [UInt32] = []

    mutating func removeAll() {
        passages.removeAll(keepingCapacity: true)
        freqs.removeAll(keepingCapacity: true)
        positions.removeAll(keepingCapacity: true)
    }

    func write(key: UnsafeRawBufferPointer, norms: NormsView, to writer: SegmentFilesWriter) throws {
        try passages.withUnsafeBufferPointer { passages in
            try freqs.withUnsafeBufferPointer { freqs in
                try positions.withUnsafeBufferPointer { positions in
                    try writer.addTerm(key: key, passages: passages, freqs: freqs, positions: positions, norms: norms)
                }
            }
        }
    }
}
