/// How far an indexing run has come, reported after each file so a terminal can show a bar.
public struct IndexProgress: Sendable, Equatable {
    public var filesDone: Int
    public var filesTotal: Int
    public var bytesDone: Int
    public var bytesTotal: Int
    /// Seconds since the run started.
    public var elapsed: Double

    public init(filesDone: Int, filesTotal: Int, bytesDone: Int, bytesTotal: Int, elapsed: Double) {
        self.filesDone = filesDone
        self.filesTotal = filesTotal
        self.bytesDone = bytesDone
        self.bytesTotal = bytesTotal
        self.elapsed = elapsed
    }

    /// Throughput so far in MB/s of source files.
    public var megabytesPerSecond: Double {
        elapsed > 0 ? Double(bytesDone) / 1_048_576 / elapsed : 0
    }

    /// Seconds left at the throughput so far; `nil` until there is a rate to go by.
    public var secondsLeft: Double? {
        guard bytesDone > 0, elapsed > 0.2 else { return nil }
        return Double(bytesTotal - bytesDone) / (Double(bytesDone) / elapsed)
    }
}

extension IndexProgress {
    /// One terminal line: `[#####·····]  120/2391 files  16.2 MB/s  0:42 left`.
    public func bar(width: Int = 24) -> String {
        let fraction = filesTotal > 0 ? min(1, Double(filesDone) / Double(filesTotal)) : 1
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: "·", count: width - filled)
        let counts = "\(filesDone)/\(filesTotal) files"
        let rate = String(Int(megabytesPerSecond * 10) / 10) + "." + String(Int(megabytesPerSecond * 10) % 10) + " MB/s"
        let left = secondsLeft.map { Self.clock(Int($0.rounded(.up))) + " left" } ?? "estimating…"
        return "[\(bar)]  \(counts)  \(rate)  \(left)"
    }

    /// `m:ss`, or `h:mm:ss` past an hour.
    static func clock(_ seconds: Int) -> String {
        let hours = seconds / 3600, minutes = seconds / 60 % 60, rest = seconds % 60
        let tail = (rest < 10 ? "0" : "") + String(rest)
        if hours > 0 { return "\(hours):" + (minutes < 10 ? "0" : "") + "\(minutes):" + tail }
        return "\(minutes):" + tail
    }
}
