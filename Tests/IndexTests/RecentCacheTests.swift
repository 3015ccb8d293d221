@testable import Index
import Testing

struct RecentCacheTests {
    @Test func keepsTheLastEntriesFirstInFirstOut() {
        let cache = RecentCache<Int, String>(capacity: 3)
        for key in 0..<5 { cache.store(key, "v\(key)", replacing: { _ in false }) }
        #expect(cache.value(where: { $0 == 0 }) == nil)
        #expect(cache.value(where: { $0 == 1 }) == nil)
        #expect(cache.value(where: { $0 == 2 }) == "v2")
        #expect(cache.value(where: { $0 == 4 }) == "v4")
        cache.store(5, "v5", replacing: { _ in false })
        #expect(cache.value(where: { $0 == 2 }) == nil)
        #expect(cache.value(where: { $0 == 3 }) == "v3")
    }

    /// A value that grows (a block decoded further) replaces its entry in place: the stale
    /// one is never found, and no other entry is pushed out.
    @Test func storingWithReplacingUpdatesInPlace() {
        let cache = RecentCache<Int, String>(capacity: 2)
        cache.store(1, "short", replacing: { _ in false })
        cache.store(2, "other", replacing: { _ in false })
        cache.store(1, "longer", replacing: { $0 == 1 })
        #expect(cache.value(where: { $0 == 1 }) == "longer")
        #expect(cache.value(where: { $0 == 2 }) == "other")
        cache.store(3, "new", replacing: { $0 == 3 })
        #expect(cache.value(where: { $0 == 3 }) == "new")
        #expect(cache.value(where: { $0 == 1 }) == nil)
    }

    @Test func remembersAbsentValuesAsAnswers() throws {
        let cache = RecentCache<[UInt8], Int?>(capacity: 2)
        cache.store(Array("whale".utf8), nil, replacing: { _ in false })
        let hit = cache.value(where: { $0.elementsEqual("whale".utf8) })
        #expect(hit == .some(nil))
        #expect(cache.value(where: { $0.elementsEqual("ship".utf8) }) == nil)
    }

    @Test func isSafeToShareAcrossThreads() async {
        let cache = RecentCache<Int, Int>(capacity: 8)
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for step in 0..<500 {
                        let key = (task * 500 + step) % 16
                        if let value = cache.value(where: { $0 == key }) { #expect(value == key * 2) }
                        cache.store(key, key * 2, replacing: { _ in false })
                    }
                }
            }
        }
    }
}
