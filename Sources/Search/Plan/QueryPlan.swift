import Index

/// A query resolved against a collection: analysed terms with their idf, the boolean
/// structure, filters. Every evaluator (pruned, exhaustive, brute-force) runs the same plan,
/// so their scores agree to the bit.
indirect enum PlanNode: Sendable, Equatable {
    case term(TermClause)
    case phrase(PhraseClause)
    case boolean(BooleanClause)
    /// Matches no passage (a required term absent from the index).
    case nothing
}

/// One analysed term looked up in some fields.
struct TermClause: Sendable, Equatable {
    var term: String
    /// Indices into `IndexField.allCases`, ascending: the order frequencies are added in.
    var fields: [Int]
    /// boost · idf.
    var weight: Double
}

/// Terms at fixed offsets from each other, in some fields.
struct PhraseClause: Sendable, Equatable {
    var terms: [String]
    /// Position of each term relative to the first.
    var offsets: [UInt32]
    var fields: [Int]
    /// Sum of the terms' idf.
    var weight: Double
}

/// Lucene-style boolean: all `must`, none of `mustNot`, and at least one `should` when
/// there is no `must`; filters restrict without scoring.
struct BooleanClause: Sendable, Equatable {
    enum Occur: Sendable, Equatable {
        case must
        case should
        case mustNot
    }

    /// In query order, which is the order scores are added in.
    var clauses: [(occur: Occur, node: PlanNode)]
    /// Each set is one group: a document passes if it matches any filter of every group.
    var filters: FilterSet

    static func == (lhs: BooleanClause, rhs: BooleanClause) -> Bool {
        lhs.filters == rhs.filters && lhs.clauses.elementsEqual(rhs.clauses) { $0.occur == $1.occur && $0.node == $1.node }
    }
}

/// `path:` and `lang:` filters: same kind alternatives (`path:a path:b` is either folder),
/// different kinds all required.
struct FilterSet: Sendable, Equatable {
    var paths: [String] = []
    var languages: [String] = []

    var isEmpty: Bool { paths.isEmpty && languages.isEmpty }

    func accepts(path: String, language: String?) -> Bool {
        let pathOK = paths.isEmpty || paths.contains { Self.path(path, isInside: $0) }
        let languageOK = languages.isEmpty || languages.contains { Self.language(language, matches: $0) }
        return pathOK && languageOK
    }

    /// Whole-component prefix: `a/b` contains `a/b` and `a/b/c`, not `a/bc`.
    static func path(_ path: String, isInside folder: String) -> Bool {
        var folder = Substring(folder)
        while folder.hasPrefix("./") { folder = folder.dropFirst(2) }
        while folder.count > 1, folder.hasSuffix("/") { folder = folder.dropLast() }
        if folder.isEmpty || folder == "." { return true }
        guard path.hasPrefix(folder) else { return false }
        let rest = path.dropFirst(folder.count)
        return rest.isEmpty || rest.hasPrefix("/") || folder.hasSuffix("/")
    }

    /// `en` matches `en`, `EN`, `en-GB`; `en-gb` matches only `en-GB`.
    static func language(_ language: String?, matches wanted: String) -> Bool {
        guard let language = language?.lowercased() else { return false }
        let wanted = wanted.lowercased()
        return language == wanted || language.hasPrefix(wanted + "-")
    }
}
