/// Turns UTF-8 text into the terms the index stores and queries look up.
///
/// Index and query go through the same analyzer, so a query word finds every form that
/// folds and stems to the same term.
public struct Analyzer: Sendable, Equatable {
    /// Whether English (Porter2) stemming is applied; stored per index.
    public var stemming: Bool

    public init(stemming: Bool = true) {
        self.stemming = stemming
    }

    /// Calls `body` with every token of `text`, in order.
    public func analyze(_ text: UnsafeBufferPointer<UInt8>, _ body: (Token) throws -> Void) rethrows {
        var term: [UInt8] = []
        term.reserveCapacity(64)
        var position: UInt32 = 0
        var start = -1
        for i in 0...text.count {
            let byte: UInt8 = i < text.count ? text[i] : 0x20
            let isWordByte = byte >= 0x80 || (byte >= 0x30 && byte <= 0x39)
                || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
            if isWordByte {
                if start < 0 { start = i }
                term.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            } else if start >= 0 {
                try term.withUnsafeBufferPointer {
                    try body(Token(term: $0, position: position, sourceRange: start..<i))
                }
                position += 1
                term.removeAll(keepingCapacity: true)
                start = -1
            }
        }
    }

    /// Convenience for callers that hold a `String` (queries, tests).
    public func analyze(_ text: String, _ body: (Token) throws -> Void) rethrows {
        var text = text
        try text.withUTF8 { try analyze($0, body) }
    }

    /// The terms of `text` as strings; for queries and tests, not for bulk indexing.
    public func terms(_ text: String) -> [String] {
        var result: [String] = []
        analyze(text) { result.append(String(decoding: $0.term, as: UTF8.self)) }
        return result
    }
}
