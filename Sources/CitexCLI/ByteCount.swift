import ArgumentParser

/// A size given on the command line: a number of bytes with an optional K, M or G suffix
/// (binary units), as `--memory 512M`.
struct ByteCount: ExpressibleByArgument {
    var bytes: Int

    init(bytes: Int) {
        self.bytes = bytes
    }

    init?(argument: String) {
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        var text = argument.uppercased()
        if text.hasSuffix("IB") || text.hasSuffix("B") { text.removeLast(text.hasSuffix("IB") ? 2 : 1) }
        var multiplier = 1
        if let last = text.last, let unit = units[last] {
            multiplier = unit
            text.removeLast()
        }
        guard let value = Int(text), value > 0, value <= Int.max / multiplier else { return nil }
        bytes = value * multiplier
    }

    static var defaultValueDescription: String { "512M" }
}
