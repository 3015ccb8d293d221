import Index
import Snippets

/// Finds a passage again by the ID a person pasted, with its neighbours and document.
public enum PassageLookup {
    /// The passage `id` with up to `context` passages of the same document on each side.
    public static func find(_ id: String, context: Int = 0, index: String) throws -> PassageContext {
        guard let passageID = PassageID(id.lowercased()) else { throw CitexError.malformedPassageID(id) }
        let reader = try IndexReader.open(at: index)
        guard let (segment, number) = reader.locate(passageID) else {
            if let damage = reader.damage { throw damage }
            throw CitexError.unknownPassage(passageID.description, index: index)
        }
        let stored = try segment.passage(number)
        let document = try segment.document(stored.document)
        let range = segment.passageRange(of: stored.document)
        let first = max(Int(range.lowerBound.rawValue), Int(number.rawValue) - max(0, context))
        let last = min(Int(range.upperBound.rawValue) - 1, Int(number.rawValue) + max(0, context))
        var before: [Passage] = [], after: [Passage] = []
        for neighbour in first...last where neighbour != Int(number.rawValue) {
            let passage = try segment.passage(PassageNumber(neighbour)).passage
            if neighbour < Int(number.rawValue) { before.append(passage) } else { after.append(passage) }
        }
        return PassageContext(
            document: document.document, passage: stored.passage, before: before, after: after,
            passageCount: document.passageCount, savedAt: document.source.modified)
    }
}
