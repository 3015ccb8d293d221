/// The ways results can be printed: for reading, for pasting, for programs, for evaluation.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// Compact and grep-like: `path:line` first so terminals and editors can jump there.
    case text
    /// A quotation and a citation line with a link, ready to paste into a report.
    case markdown
    /// One JSON object per query.
    case json
    /// One JSON object per hit.
    case jsonl
    /// `qid Q0 DOCID rank score citex`, for trec_eval and `citex eval`.
    case trec
}
