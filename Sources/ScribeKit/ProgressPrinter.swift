import Describe
import Foundation

/// Shows describe progress: a bar redrawn in place on a terminal, a plain line every tenth otherwise
/// (CI logs keep every line).
final class ProgressPrinter: @unchecked Sendable {
    private let log: Log
    private let label: String
    private let terminal = isatty(STDERR_FILENO) == 1
    private let lock = NSLock()
    private var lastTenth = -1
    private var drewBar = false

    init(log: Log, label: String) {
        self.log = log
        self.label = label
    }

    func show(_ progress: DescribeStage.Progress) {
        lock.withLock {
            guard progress.total > 0 else { return }
            let fraction = Double(progress.done) / Double(progress.total)
            let remaining = progress.done > progress.fromCache
                ? progress.elapsed / Double(progress.done - progress.fromCache) * Double(progress.total - progress.done) : 0
            let text = "\(progress.done)/\(progress.total) tables, \(progress.fromCache) from the cache, \(progress.calls) calls"
                + (progress.done < progress.total && remaining > 0 ? String(format: ", about %.0f s left", remaining) : "")
            if terminal {
                let width = 24
                let filled = Int(fraction * Double(width))
                let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
                FileHandle.standardError.write(Data("\r\(label) \(bar) \(text)\u{1B}[K".utf8))
                drewBar = true
            } else {
                let tenth = Int(fraction * 10)
                guard tenth > lastTenth, progress.done > progress.fromCache || progress.done == progress.total else { return }
                lastTenth = tenth
                log.debug("\(label) \(text)")
            }
        }
    }

    func finish() {
        lock.withLock { if drewBar { FileHandle.standardError.write(Data("\n".utf8)) } }
    }
}
