import Foundation
import NIOConcurrencyHelpers

/// What open pages follow: which build the served site is from, and the error of the last build when it
/// failed. Each page listens on `/_scribe/events` (Server-Sent Events) and hears the state as soon as it
/// connects and again after every build: a newer build reloads it, an error shows over it.
final class LiveReload: Sendable {
    struct State: Equatable, Sendable {
        /// Counts successful builds; a page knows the one it was served from.
        var generation = 0
        /// The last build's error (`[context] content/context/orders.yml:3:5: …`), nil once a build succeeds.
        var error: String?
    }

    private struct Listeners {
        var state = State()
        var streams: [UUID: AsyncStream<String>.Continuation] = [:]
        var closed = false
    }

    private let listeners = NIOLockedValueBox(Listeners())

    var state: State { listeners.withLockedValue { $0.state } }

    /// A build succeeded: pages from an older one reload. Returns the new generation.
    @discardableResult
    func succeeded() -> Int {
        update { $0.generation += 1; $0.error = nil }.generation
    }

    /// A build failed: pages show `message` and keep the last good build under it.
    func failed(_ message: String) {
        update { $0.error = message }
    }

    /// The events one page hears: the state now, then after each build, until the server stops.
    func events() -> AsyncStream<String> {
        let id = UUID()
        let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(8))
        let added = listeners.withLockedValue { listeners -> State? in
            guard !listeners.closed else { return nil }
            listeners.streams[id] = continuation
            return listeners.state
        }
        guard let added else {
            continuation.finish()
            return stream
        }
        continuation.yield("retry: 1000\n\n" + Self.event(added))
        continuation.onTermination = { [weak self] _ in
            self?.listeners.withLockedValue { _ = $0.streams.removeValue(forKey: id) }
        }
        return stream
    }

    /// A comment line every few seconds, so a page that went away is noticed when the write fails.
    func heartbeat() {
        broadcast(": keep-alive\n\n")
    }

    /// Ends every page's stream, so the server can stop without waiting for pages to close.
    func close() {
        let streams = listeners.withLockedValue { listeners in
            listeners.closed = true
            defer { listeners.streams.removeAll() }
            return Array(listeners.streams.values)
        }
        for stream in streams { stream.finish() }
    }

    var listenerCount: Int { listeners.withLockedValue { $0.streams.count } }

    @discardableResult
    private func update(_ change: (inout State) -> Void) -> State {
        let state = listeners.withLockedValue { listeners in
            change(&listeners.state)
            return listeners.state
        }
        broadcast(Self.event(state))
        return state
    }

    private func broadcast(_ text: String) {
        for stream in listeners.withLockedValue({ Array($0.streams.values) }) { stream.yield(text) }
    }

    /// `event: build` with the state as JSON: `{"error":null,"generation":3}`.
    static func event(_ state: State) -> String {
        let object: [String: Any] = ["generation": state.generation, "error": state.error ?? NSNull()]
        let json = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            .map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return "event: build\ndata: \(json)\n\n"
    }
}
