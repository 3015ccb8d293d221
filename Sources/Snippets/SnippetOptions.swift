/// How long a snippet may be; a person reads about two lines of a terminal per hit.
public struct SnippetOptions: Sendable, Equatable {
    /// Target length of a snippet in characters (Unicode scalars); the window is cut at
    /// sentence or word ends, so a snippet may be a little shorter, never longer (but for `…`).
    public var maxCharacters: Int

    public init(maxCharacters: Int = 200) {
        self.maxCharacters = max(20, maxCharacters)
    }
}
