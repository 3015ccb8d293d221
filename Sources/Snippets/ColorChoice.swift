/// `--color always|never|auto`: whether the text format may use ANSI styles.
public enum ColorChoice: String, CaseIterable, Sendable {
    case always, never, auto

    /// `auto` colours only a terminal, and never when `NO_COLOR` is set to anything non-empty
    /// (no-color.org) or `TERM` is `dumb`; `always` and `never` override both.
    public func enabled(outputIsTerminal: Bool, environment: [String: String]) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
            if environment["TERM"] == "dumb" { return false }
            return outputIsTerminal
        }
    }
}
