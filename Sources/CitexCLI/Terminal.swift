#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Snippets

/// What the CLI needs to know about where its output goes.
enum Terminal {
    static var stdoutIsTerminal: Bool { isatty(1) == 1 }
    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    /// Whether to colour stdout under `--color choice`.
    static func color(_ choice: ColorChoice) -> Bool {
        choice.enabled(outputIsTerminal: stdoutIsTerminal, environment: ProcessInfo.processInfo.environment)
    }

    /// Writes `text` to stdout as is (results never get an extra newline).
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
