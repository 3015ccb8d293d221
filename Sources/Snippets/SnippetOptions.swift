/// How long a snippet may be; a person reads about two lines of a terminal per hit.
public struct SnippetOptions: Sendable, Equatable {
    /// Target length of a snippet in characters; the window is cut at sentence or word ends.
    public var maxCharacters: Int

    public init(maxCharacters: Int = 200) {
        self.maxCharacters = maxCharacters
    }
}
