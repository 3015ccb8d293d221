@testable import Index
import TestSupport
import Testing

/// Structure-aware mutations of every index file: `IndexReader.check` reports each changed
/// file as damaged (naming it), and opening and reading everything without the checksum pass
/// ends in a result or an error, never a crash.
@Suite struct IndexFileFuzzTests {
    @Test func mutatedIndexFilesAreDetectedAndNeverCrashAReader() throws {
        let storage = try DamagedFileTests.index()
        var findings = 0
        for (number, file) in try DamagedFileTests.files(storage).enumerated() {
            let original = try #require(storage.contents(of: file))
            let kind = file.split(separator: ".").last.map(String.init) ?? "manifest"
            let campaign = FuzzCampaign(
                name: "index-" + (file.hasPrefix("manifest-") ? "manifest" : kind), seeds: [original], quickExecutions: 25)
            findings += campaign.run(seed: UInt64(number) + 1) { bytes in
                storage.overwrite(file, with: bytes)
                defer { storage.overwrite(file, with: original) }
                _ = try? IndexSnapshot(try IndexReader.open(storage, verify: .onFirstRead))
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
