/// Reference-manager formats for `citex cite`.
public enum ReferenceStyle: String, CaseIterable, Sendable {
    /// A reference line and the passage as a quotation, for Markdown and Pandoc documents.
    case markdown
    /// A biblatex `@online` entry, for LaTeX.
    case bibtex
    /// CSL-JSON, which Zotero, Pandoc's citeproc and most reference managers import.
    case cslJSON = "csl-json"
}
