import Index
import Ingest

/// `citex extract`: walk the named files and folders, ingest every page on all cores, and report
/// each document or failure in input order.
public struct Extraction: Sendable {
    public var options: IngestOptions

    public init(options: IngestOptions = IngestOptions()) {
        self.options = options
    }

    /// What happened, for the exit status.
    public struct Summary: Sendable, Equatable {
        public var documents = 0
        public var failures = 0
        /// Named paths that were missing or not pages (files skipped inside folders do not count).
        public var rejectedRoots = 0
        public var skipped = 0

        public var succeeded: Bool { failures == 0 && rejectedRoots == 0 }
    }

    /// Calls `document` for each page and `problem` with a `path: reason` line for each failure
    /// or skipped file, in the order the files were found.
    public func run(
        _ roots: [String], document: (Document) -> Void, problem: (String) -> Void
    ) -> Summary {
        var summary = Summary()
        let (files, skipped) = SourceWalker.walk(roots)
        for entry in skipped {
            if entry.isRoot { summary.rejectedRoots += 1 } else { summary.skipped += 1 }
            problem("\(entry.path): \(entry.isRoot ? "" : "skipped: ")\(entry.reason)")
        }
        Ingester(options: options).ingest(files: files) { _, result in
            switch result {
            case .success(let parsed):
                summary.documents += 1
                document(parsed)
            case .failure(let error):
                summary.failures += 1
                problem(error.description)
            }
        }
        return summary
    }
}
