import Foundation

/// Ctrl-C and SIGTERM while a site is being written: the writers stop at their next file and the staging
/// folder is removed, so an interrupted build leaves nothing behind. At any other moment there is nothing to
/// clean up and the process may simply end.
public enum Interruption {
    private static let state = State()

    /// Asks the site being written to stop; false when none is, so the caller can exit at once.
    public static func request() -> Bool { state.request() }

    static var isRequested: Bool { state.isRequested }

    /// Marks a site write as under way for the duration of `work`.
    static func whileWriting<T>(_ work: () throws -> T) rethrows -> T {
        state.begin()
        defer { state.end() }
        return try work()
    }

    private final class State: @unchecked Sendable {
        private let lock = NSLock()
        private var writers = 0
        private var requested = false

        func request() -> Bool {
            lock.withLock {
                requested = true
                return writers > 0
            }
        }

        var isRequested: Bool { lock.withLock { requested } }
        func begin() { lock.withLock { writers += 1 } }
        func end() { lock.withLock { writers -= 1 } }
    }
}
