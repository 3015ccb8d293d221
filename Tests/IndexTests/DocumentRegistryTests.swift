import Foundation
@testable import Index
import TestSupport
import Testing

@Suite struct DocumentRegistryTests {
    /// What the registry must answer, kept the obvious way.
    private struct Expected: Equatable {
        var stamp: SourceStamp
        var segment: String?
        var document: DocumentNumber
        var passages: Range<PassageNumber>
        var live: Bool
        var seen: Bool
    }

    /// Random registrations, moves, removals and visits over colliding-prone paths (shared
    /// prefixes, accents in both normal forms) answer exactly like a dictionary of structs.
    @Test func matchesADictionaryReference() {
        var random = SeededGenerator(seed: 41)
        let names = (0..<600).map { i in i % 3 == 0 ? "/c/caf\u{E9}\(i % 50)" : i % 3 == 1 ? "/c/cafe\u{301}\(i % 50)" : "/c/p/\(i)" }
        var registry = DocumentRegistry()
        var reference: [[UInt8]: Expected] = [:]
        for step in 0..<5000 {
            let path = names.randomElement(using: &random) ?? ""
            let key = Array(path.utf8)
            switch Int.random(in: 0..<10, using: &random) {
            case 0..<4:
                let stamp = SourceStamp(absolutePath: path, size: step, modified: Int64(step), contentHash: random.next())
                let segment = Bool.random(using: &random) ? "seg\(step % 7)" : nil
                let first = PassageNumber(step)
                registry.register(
                    stamp, segment: segment.map { registry.segmentNumber($0) } ?? DocumentRegistry.buffered,
                    document: DocumentNumber(step), passages: first..<first.successor)
                reference[key] = Expected(
                    stamp: stamp, segment: segment, document: DocumentNumber(step), passages: first..<first.successor,
                    live: true, seen: true)
            case 4..<6:
                guard let record = registry.find(path) else {
                    #expect(reference[key]?.live != true)
                    continue
                }
                registry.move(record, segment: registry.segmentNumber("merged"), document: DocumentNumber(7), passages: PassageNumber(1)..<PassageNumber(3))
                reference[key]?.segment = "merged"
                reference[key]?.document = DocumentNumber(7)
                reference[key]?.passages = PassageNumber(1)..<PassageNumber(3)
            case 6..<8:
                if let record = registry.find(path) { registry.remove(record) }
                reference[key]?.live = false
            default:
                #expect((registry.visit(path) != nil) == (reference[key]?.live == true))
                if reference[key]?.live == true { reference[key]?.seen = true }
            }
        }
        for path in names {
            let expected = reference[Array(path.utf8)].flatMap { $0.live ? $0 : nil }
            guard let record = registry.find(path) else {
                #expect(expected == nil)
                continue
            }
            #expect(registry.stamp(record) == expected?.stamp)
            #expect(registry.segment(record) == expected?.segment)
            #expect(registry.document(record) == expected?.document)
            #expect(registry.passages(record) == expected?.passages)
        }
        #expect(registry.liveCount == reference.values.filter(\.live).count)
        #expect(Set(registry.liveRecords.map { Array(registry.path($0).utf8) }) == Set(reference.filter { $0.value.live }.keys))
        #expect(registry.unseenRecords.isEmpty)
    }

    @Test func recordsLoadedUnseenStayUnseenUntilVisited() {
        var registry = DocumentRegistry()
        for i in 0..<3000 {
            registry.register(
                SourceStamp(absolutePath: "/corpus/\(i).html", size: i, modified: 0, contentHash: 0),
                segment: registry.segmentNumber("seg1"), document: DocumentNumber(i),
                passages: PassageNumber(i)..<PassageNumber(i + 1), seen: false)
        }
        for i in stride(from: 0, to: 3000, by: 2) { _ = registry.visit("/corpus/\(i).html") }
        #expect(registry.unseenRecords.map { registry.path($0) } == stride(from: 1, to: 3000, by: 2).map { "/corpus/\($0).html" })
        #expect(registry.visit("/corpus/missing.html") == nil)
    }
}
