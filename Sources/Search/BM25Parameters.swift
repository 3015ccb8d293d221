/// BM25's two free parameters, with Lucene's defaults so scores compare with its engines'.
public struct BM25Parameters: Sendable, Equatable {
    /// Term-frequency saturation.
    public var k1: Double
    /// Length normalization: 0 ignores length, 1 normalizes fully.
    public var b: Double

    public init(k1: Double = 1.2, b: Double = 0.75) {
        self.k1 = k1
        self.b = b
    }
}
