import Foundation
import ScribeKit

/// Log lines collected from any thread, for tests that read what a build reported.
final class Lines: @unchecked Sendable {
    private var lines: [String] = []
    private let lock = NSLock()

    func add(_ line: String) {
        lock.withLock { lines.append(line) }
    }

    var all: [String] { lock.withLock { lines } }
}

extension Log {
    /// Every line, whatever its level, into `lines`.
    static func collecting(into lines: Lines) -> Log {
        Log(info: lines.add, warning: lines.add, debug: lines.add)
    }
}
