import Ingest

/// Versions reported by `citex --version`.
public enum CitexVersion {
    public static let citex = "0.1.0"
    public static var description: String { "citex \(citex) (libxml2 \(LibXML2Version.current))" }
}
