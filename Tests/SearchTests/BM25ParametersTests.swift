import Search
import Testing

@Test func defaultsAreLucenes() {
    #expect(BM25Parameters() == BM25Parameters(k1: 1.2, b: 0.75))
}
