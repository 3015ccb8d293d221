import ArgumentParser
import Citex
import Snippets

/// `citex cite ID`: a reference entry for a passage's document, with the passage quoted.
struct CiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cite",
        abstract: "Print a reference for a passage: Markdown, BibTeX (biblatex) or CSL-JSON.",
        discussion: """
            The accessed date is the day the source file was saved unless --accessed says otherwise.

            Examples:
              citex cite 3f2a9c1b7d4e0a12
              citex cite 3f2a9c1b7d4e0a12 --style bibtex >> references.bib
              citex cite 3f2a9c1b7d4e0a12 --style csl-json > item.json
            """)

    @Argument(help: "The passage ID (16 hexadecimal digits).")
    var id: String

    @Option(name: .long, help: "markdown, bibtex or csl-json.")
    var style: ReferenceStyle = .markdown

    @Option(name: .long, help: "The accessed date to print (YYYY-MM-DD).")
    var accessed: String?

    @Option(name: .long, help: "The index folder (default: $CITEX_INDEX, else Index).")
    var index: String?

    func validate() throws {
        if let accessed, Reference.dateParts(accessed) == nil {
            throw ValidationError("--accessed takes a date as YYYY-MM-DD, not '\(accessed)'")
        }
    }

    func run() throws {
        let found = try CLIErrors.reporting { try PassageLookup.find(id, index: IndexLocation.resolve(index)) }
        Terminal.write(found.reference(accessed: accessed).render(style))
    }
}
