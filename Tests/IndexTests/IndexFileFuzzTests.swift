@testable import Index
import TestSupport
import Testing

/// Structure-aware mutations of every index file: `IndexReader.check` reports each changed
/// file as damaged (naming it), and opening and reading everything as a search does (chunks
/// verified on first read) ends in an error, in recorded damage, or in exactly the pristine
/// data — never a crash, never changed data.
@Suite struct IndexFileFuzzTests {
    @Test func mutatedIndexFilesAreDetectedAndNeverCrashAReader() throws {
        let storage = try DamagedFileTests.index()
        let pristine = try IndexSnapshot(try IndexReader.open(storage))
        var findings = 0
        for (number, file) in try DamagedFileTests.files(storage).enumerated() {
            let original = try #require(storage.contents(of: file))
            let kind = file.split(separator: ".").last.map(String.init) ?? "manifest"
            let campaign = FuzzCampaign(
                name: "index-" + (file.hasPrefix("manifest-") ? "manifest" : kind), seeds: [original], quickExecutions: 25)
            findings += campaign.run(seed: UInt64(number) + 1) { bytes in
                storage.overwrite(file, with: bytes)
                defer { storage.overwrite(file, with: original) }
                if let reader = try? IndexReader.open(storage, verify: .onFirstRead),
                   let snapshot = try? IndexSnapshot(reader), reader.damage == nil, snapshot != pristine {
                    Issue.record("a reader served changed data from a mutation of \(file)")
                    return true
                }
                guard bytes != original else { return false }
                do {
                    _ = try IndexReader.check(storage)
                    Issue.record("check missed a mutation of \(file)")
                    return true
                } catch let error as IndexError {
                    let named = error.kind == .damaged && (error.file.hasSuffix(file) || error.file.hasSuffix("manifest-*"))
                    #expect(named, "\(file): \(error)")
                    return !named
                } catch {
                    Issue.record("\(file): \(error)")
                    return true
                }
            }.findings
        }
        #expect(findings == 0)
    }
}
