#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Citex
import Snippets

/// What the CLI needs to know about where its output goes.
enum Terminal {
    static var stdoutIsTerminal: Bool { isatty(1) == 1 }
    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    /// Whether to colour stdout under `--color choice`.
    static func color(_ choice: ColorChoice) -> Bool {
        choice.enabled(outputIsTerminal: stdoutIsTerminal, environment: Environment.variables(["NO_COLOR", "TERM"]))
    }

    /// Writes `text` as is (results never get an extra newline) to stdout, or to another
    /// descriptor (2: diagnostics). Straight to the descriptor, so the CLI needs no
    /// `FileHandle` and with it none of full Foundation's start-up.
    static func write(_ text: String, to descriptor: Int32 = 1) {
        var text = text
        text.withUTF8 { write($0, to: descriptor) }
    }

    static func write(_ bytes: [UInt8], to descriptor: Int32 = 1) {
        bytes.withUnsafeBufferPointer { write($0, to: descriptor) }
    }

    private static func write(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = Self.systemWrite(descriptor, base + offset, bytes.count - offset)
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }

    #if canImport(Glibc)
    private static let systemWrite = Glibc.write
    #elseif canImport(Darwin)
    private static let systemWrite = Darwin.write
    #endif
}
