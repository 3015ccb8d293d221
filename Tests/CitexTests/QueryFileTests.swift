import Citex
import Testing

@Test func queryFilesAreIdTabQueryLines() throws {
    let file = try QueryFile(parsing: "q1\tsigned treaty\r\n\nq2\tWhat is \"it\"?\tand more\n", path: "q.tsv")
    #expect(file.entries == [
        QueryFile.Entry(id: "q1", query: "signed treaty"), QueryFile.Entry(id: "q2", query: "What is \"it\"?\tand more"),
    ])
}

@Test func aLineWithoutAnIdNamesItsLine() {
    #expect(throws: QueryFileError(path: "q.tsv", line: 2)) {
        try QueryFile(parsing: "q1\tfine\nno tab here\n", path: "q.tsv")
    }
    #expect(throws: QueryFileError(path: "q.tsv", line: 1)) {
        try QueryFile(parsing: "\tno id\n", path: "q.tsv")
    }
}
