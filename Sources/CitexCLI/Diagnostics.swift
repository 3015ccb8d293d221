import ArgumentParser

/// Progress and diagnostics go to stderr, so stdout carries only results.
enum Diagnostics {
    static func print(_ line: String) {
        Terminal.write(line + "\n", to: 2)
    }
}

/// Turns library errors into one readable line on stderr and exit status 2.
enum CLIErrors {
    static func reporting<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            Diagnostics.print("citex: \(error)")
            throw ExitCode(2)
        }
    }
}
