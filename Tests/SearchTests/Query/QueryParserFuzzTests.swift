import Search
import Testing
import TestSupport

/// Mutated query text never traps the parser: it parses, or throws a query error whose
/// column lies within the text (plain syntax never throws).
@Suite struct QueryParserFuzzTests {
    static let campaign = FuzzCampaign(
        name: "query-parser",
        seeds: [
            "whale", "\"white whale\" -captain", "title:moby AND (sea OR ocean*)", "NOT a OR b c",
            "section:\"rome statute\" +signed lang:en path:docs/", "((a)) OR -\"b c\"* title:", "a AND NOT (b OR \"c",
        ].map { Array($0.utf8) },
        quickExecutions: 400)

    @Test func mutatedQueriesParseOrFailWithAColumn() {
        let result = Self.campaign.run { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            do throws(SearchError) {
                _ = try QueryParser.parse(text, syntax: .plain)
            } catch {
                Issue.record("plain syntax threw \(error) for \(text.debugDescription)")
                return true
            }
            do throws(SearchError) {
                _ = try QueryParser.parse(text)
                return false
            } catch {
                let column = error.column ?? 0
                let inRange = column >= 1 && column <= text.count + 1
                #expect(inRange, "column \(column) outside \(text.debugDescription)")
                return !inRange
            }
        }
        #expect(result.findings == 0)
    }

    /// Regression: 30,000 nested parentheses or a chain of NOTs overflowed the stack (found
    /// by hand alongside the fuzzing: the mutator rarely nests deeply).
    @Test(arguments: [
        String(repeating: "(", count: 100_000) + "whale" + String(repeating: ")", count: 100_000),
        String(repeating: "NOT ", count: 100_000) + "whale",
        String(repeating: "title:(", count: 50_000) + "whale",
    ])
    func deepNestingIsAnErrorNotACrash(_ query: String) {
        #expect(throws: SearchError.self) { _ = try QueryParser.parse(query) }
    }

    @Test func nestingUpToTheLimitParses() throws {
        let depth = 100
        _ = try QueryParser.parse(String(repeating: "(", count: depth) + "whale" + String(repeating: ")", count: depth))
        _ = try QueryParser.parse(String(repeating: "NOT ", count: depth) + "whale")
    }
}
