internal import CLibXML2

/// The libxml2 this build runs against, for `citex --version` and bug reports.
public enum LibXML2Version {
    public static var current: String {
        guard let version = __xmlParserVersion()?.pointee else { return "unknown" }
        let number = Int(String(cString: version)) ?? 0
        return "\(number / 10000).\(number / 100 % 100).\(number % 100)"
    }
}
