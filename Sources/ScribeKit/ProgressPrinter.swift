import Describe
import Foundation

/// Shows the progress of long stages (describe, profile): a bar redrawn in place on a terminal, a plain
/// line every tenth otherwise (CI logs keep every line).
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
        let remaining = progress.done > progress.fromCache
            ? progress.elapsed / Double(progress.done - progress.fromCache) * Double(progress.total - progress.done) : 0
        draw(done: progress.done, total: progress.total, quiet: progress.done <= progress.fromCache,
             text: "\(progress.done)/\(progress.total) tables, \(progress.fromCache) from the cache, \(progress.calls) calls"
                + (progress.done < progress.total && remaining > 0 ? String(format: ", about %.0f s left", remaining) : ""))
    }

    /// `done` of `total` things, with time left estimated from the time since `started`.
    func show(done: Int, total: Int, noun: String, started: Date) {
        let elapsed = Date().timeIntervalSince(started)
        let remaining = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
        draw(done: done, total: total, quiet: false,
             text: "\(done)/\(total) \(noun)" + (done < total && remaining > 1 ? String(format: ", about %.0f s left", remaining) : ""))
    }

    private func draw(done: Int, total: Int, quiet: Bool, text: String) {
        lock.withLock {
            guard total > 0 else { return }
            let fraction = Double(done) / Double(total)
            if terminal {
                let width = 24
                let filled = Int(fraction * Double(width))
                let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
                FileHandle.standardError.write(Data("\r\(label) \(bar) \(text)\u{1B}[K".utf8))
                drewBar = true
            } else {
                let tenth = Int(fraction * 10)
                guard tenth > lastTenth, !quiet || done == total else { return }
                lastTenth = tenth
                log.debug("\(label) \(text)")
            }
        }
    }

    func finish() {
        lock.withLock { if drewBar { FileHandle.standardError.write(Data("\n".utf8)) } }
    }
}
