@testable import Index

/// One term's postings written with `PostingsEncoder` into in-memory files and read back
/// with a `PostingsCursor`, without a whole segment around them.
final class PostingsFixture {
    let postings: [UInt32]
    let freqs: [UInt32]
    let positions: [[UInt32]]
    /// Field lengths of the first passages; later passages read as length 0.
    let norms: [UInt32]
    let passageCount: Int
    private let storage = MemoryStorage()
    private var files: [MappedFile] = []
    private var info = TermInfo(documentFrequency: 0, postingsOffset: 0, positionsOffset: 0)

    /// `version`: the format to write (an older one for tests that it still reads).
    init(
        postings: [UInt32], positions: [[UInt32]], norms: [UInt32], passageCount: Int, leadingTerms: Int = 1,
        version: UInt32 = IndexFileKind.currentVersion
    ) throws {
        self.passageCount = passageCount
        self.postings = postings
        self.positions = positions
        self.freqs = positions.map { UInt32($0.count) }
        self.norms = norms
        let postingsFile = try IndexFileWriter(storage: storage, name: "p", kind: .postings, version: version)
        let positionsFile = try IndexFileWriter(storage: storage, name: "q", kind: .positions, version: version)
        var encoder = PostingsEncoder(version: version)
        try norms.withUnsafeBytes { normBytes in
            let view = NormsView(base: normBytes.baseAddress, width: 4, count: norms.count)
            let flat = positions.flatMap { $0 }
            for _ in 0..<leadingTerms + 1 {
                info = try postings.withUnsafeBufferPointer { p in
                    try freqs.withUnsafeBufferPointer { f in
                        try flat.withUnsafeBufferPointer { q in
                            try encoder.encode(
                                passages: p, freqs: f, positions: q, norms: view,
                                postingsFile: postingsFile, positionsFile: positionsFile)
                        }
                    }
                }
            }
        }
        try postingsFile.finish()
        try positionsFile.finish()
        files = [try storage.open("p"), try storage.open("q")]
    }

    func norm(_ passage: UInt32) -> UInt32 { Int(passage) < norms.count ? norms[Int(passage)] : 0 }

    func cursor() throws -> PostingsCursor {
        PostingsCursor(
            owner: self, postings: try CheckedFile(files[0], kind: .postings, verify: .onFirstRead),
            positions: try CheckedFile(files[1], kind: .positions, verify: .onFirstRead), passageCount: passageCount, info: info)
    }
}
