import Search
import Testing

/// Every construct of the query language, rendered through `QueryNode.description`.
@Test(arguments: [
    ("signed", "(signed)"),
    ("a b c", "(a b c)"),
    ("\"digital signature\"", "(\"digital signature\")"),
    ("+a -b c", "(+a -b c)"),
    ("a AND b", "((and a b))"),
    ("a OR b", "((or a b))"),
    ("NOT a b", "((not a) b)"),
    ("a OR b AND c", "((or a (and b c)))"),
    ("NOT a AND b OR c", "((or (and (not a) b) c))"),
    ("a OR b c", "((or a b) c)"),
    ("(a OR b) AND c", "((and ((or a b)) c))"),
    ("NOT NOT a", "((not (not a)))"),
    ("title:word", "(title:word)"),
    ("section:intro text:body", "(section:intro text:body)"),
    ("title:\"two words\"", "(title:\"two words\")"),
    ("path:docs/api lang:en", "(path:docs/api lang:en)"),
    ("path:\"my docs/x\"", "(path:my docs/x)"),
    ("sign*", "(sign*)"),
    ("title:sign**", "(title:sign*)"),
    ("+(a b) -\"c d\"", "(+(a b) -\"c d\")"),
    ("e-mail and or not", "(e-mail and or not)"),
    ("10:30", "(10:30)"),
    ("a\t\n b", "(a b)"),
])
func parses(query: String, expected: String) throws {
    #expect(try QueryParser.parse(query).description == expected)
}

/// Every error, with the column where the query broke.
@Test(arguments: [
    ("\"unclosed", 1, "unclosed quote"),
    ("a \"b c", 3, "unclosed quote"),
    ("a \"  \"", 3, "empty phrase"),
    ("a ()", 3, "empty parentheses"),
    ("(a b", 1, "unclosed parenthesis"),
    ("a b)", 4, "unmatched ')'"),
    (")", 1, "unmatched ')'"),
    ("AND a", 1, "AND needs a term before it"),
    ("OR", 1, "OR needs a term before it"),
    ("a AND", 3, "AND needs a term after it"),
    ("a OR OR b", 3, "OR needs a term after it"),
    ("a NOT", 3, "NOT needs a term after it"),
    ("(a OR)", 4, "OR needs a term after it"),
    ("a + b", 3, "'+' must be directly followed by a term"),
    ("a -", 3, "'-' must be directly followed by a term"),
    ("+-a", 1, "'+' must be directly followed by a term"),
    ("+NOT a", 2, "an operator cannot follow '+' or '-'"),
    ("author:smith", 1, "unknown field 'author' (fields: title, section, text, path, lang)"),
    ("x title:", 3, "'title:' needs a word or a quoted phrase after it"),
    ("title: x", 1, "'title:' needs a word or a quoted phrase after it"),
    ("title:(a b)", 1, "'title:' needs a word or a quoted phrase after it"),
    ("title:path:x", 1, "'title:' needs a word or a quoted phrase after it"),
    ("a *", 3, "'*' needs a prefix before it"),
    ("", 1, "the query is empty"),
    ("   ", 1, "the query is empty"),
])
func rejects(query: String, column: Int, message: String) {
    #expect(throws: SearchError(column: column, message)) {
        try QueryParser.parse(query)
    }
}

@Test func columnsCountCharactersNotBytes() {
    #expect(throws: SearchError(column: 8, "unclosed quote")) {
        try QueryParser.parse("café é \"x")
    }
}

@Test func errorsPrintOnOneLineWithTheColumn() {
    #expect(SearchError(column: 4, "unclosed quote").description == "query column 4: unclosed quote")
}

@Test func plainSyntaxHasNoOperators() throws {
    let node = try QueryParser.parse("What is \"it\"? (a) +b -c title:d AND", syntax: .plain)
    #expect(node.description == "(What is \"it\"? (a) +b -c title:d AND)")
}

@Test func plainSyntaxNeverFailsOnPunctuation() throws {
    for text in ["\"", "(", ")", "-", "+", ":", "*", "OR", "", "a:b:c"] {
        _ = try QueryParser.parse(text, syntax: .plain)
    }
}

@Test func leavesRememberTheirColumns() throws {
    let node = try QueryParser.parse("ab -cd title:\"e f\"")
    guard case .sequence(let clauses, _) = node else {
        Issue.record("expected a sequence")
        return
    }
    #expect(clauses.map(\.column) == [1, 4, 8])
}
