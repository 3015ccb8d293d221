internal import CLibXML2

/// Process- and thread-level libxml2 set-up.
enum LibXML2 {
    /// `xmlInitParser` must run once before any thread parses (libxml2's threads page).
    private static let initialized: Bool = {
        xmlInitParser()
        clibxml2_silence_errors_default_for_new_threads()
        return true
    }()

    /// Call before parsing on any thread: error handlers are per thread, and an unsilenced one
    /// prints encoding errors on stderr even with `NOERROR` (a library never prints).
    static func prepareThread() {
        _ = initialized
        clibxml2_silence_errors()
    }
}
