/// A restriction on where a passage's document lives or what language it is in.
///
/// Filters never score; `path:` and `lang:` values are taken literally (not analysed).
public enum QueryFilter: Sendable, Equatable, Hashable {
    /// The document's path is this folder or file, compared by whole path components
    /// (`path:docs/api` matches `docs/api/x.html` and `docs/api`, not `docs/apis/x.html`).
    case path(String)
    /// The document declares this language or a variant of it (`lang:en` matches `en-GB`),
    /// case-insensitively.
    case language(String)
}
