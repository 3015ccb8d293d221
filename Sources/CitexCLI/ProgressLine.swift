import Citex

/// A progress bar redrawn in place on stderr, at most ten times a second.
final class ProgressLine {
    private var lastDraw = 0.0

    func show(_ progress: IndexProgress) {
        let finished = progress.filesDone == progress.filesTotal
        guard finished || progress.elapsed - lastDraw >= 0.1 else { return }
        lastDraw = progress.elapsed
        Terminal.write("\r" + progress.bar() + "\u{1B}[K", to: 2)
    }

    /// Erases the bar so the summary starts on a clean line.
    func clear() {
        Terminal.write("\r\u{1B}[K", to: 2)
    }
}
