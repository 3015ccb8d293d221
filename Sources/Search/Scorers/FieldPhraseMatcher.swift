/// Finds the passages where a phrase occurs in one field: a leapfrog conjunction of the
/// terms' cursors, confirmed by positions.
final class FieldPhraseMatcher {
    let field: Int
    let cursors: [any PostingCursor]
    private let offsets: [UInt32]
    private(set) var passage: PassageNumber = .end
    /// Occurrences of the whole phrase in the current passage.
    private(set) var frequency: UInt32 = 0
    private var positions: [[UInt32]]

    /// `nil` when a term has no postings in this field.
    init?(_ clause: PhraseClause, field: Int, source: any PostingSource) {
        var cursors: [any PostingCursor] = []
        for term in clause.terms {
            guard let cursor = source.postings(of: term, in: SearchField.allCases[field]) else { return nil }
            cursors.append(cursor)
        }
        self.field = field
        self.cursors = cursors
        offsets = clause.offsets
        positions = Array(repeating: [], count: cursors.count)
        find(from: PassageNumber(rawValue: 0))
    }

    func advance(to target: PassageNumber) {
        if target > passage { find(from: target) }
    }

    private func find(from target: PassageNumber) {
        var candidate = target
        while true {
            candidate = leapfrog(count: cursors.count, from: candidate) { cursors[$0].advance(to: $1) }
            guard candidate != .end else {
                (passage, frequency) = (.end, 0)
                return
            }
            let found = countPhrases()
            if found > 0 {
                (passage, frequency) = (candidate, found)
                return
            }
            candidate = candidate.successor
        }
    }

    /// Start positions p with every term i at p + offset_i.
    private func countPhrases() -> UInt32 {
        for index in cursors.indices {
            cursors[index].positions(into: &positions[index])
        }
        var next = Array(repeating: 0, count: cursors.count)
        var count: UInt32 = 0
        outer: for start in positions[0] {
            let base = start &- offsets[0]
            for index in 1..<cursors.count {
                let wanted = base &+ offsets[index]
                let list = positions[index]
                var at = next[index]
                while at < list.count, list[at] < wanted { at += 1 }
                next[index] = at
                if at == list.count { break outer }
                if list[at] != wanted { continue outer }
            }
            count += 1
        }
        return count
    }
}
