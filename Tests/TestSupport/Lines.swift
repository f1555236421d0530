import Foundation

/// Log lines collected from any thread, for tests that read what a build or a server reported.
public final class Lines: @unchecked Sendable {
    private var lines: [String] = []
    private let lock = NSLock()

    public init() {}

    public func add(_ line: String) {
        lock.withLock { lines.append(line) }
    }

    public var all: [String] { lock.withLock { lines } }
}
