import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Who writes descriptions: a struct of one closure, so tests and providers plug in alike.
public struct Describer: Sendable {
    /// Part of every cache key, with the model and the prompt version.
    public var provider: String
    public var model: String
    /// Whether answers cost something; free ones (offline) are not cached.
    public var isRemote: Bool
    /// Answers one request; `feedback` says what was wrong with the previous answer, when there was one.
    public var describe: @Sendable (TableRequest, _ feedback: String?) async throws -> TableAnswer {
        // A describer given other answers no longer has the ones `answerAtOnce` computes.
        didSet { answerAtOnce = nil }
    }
    /// Knows the key this describer sends, so no text that leaves the stage carries it.
    public var redact: Redactor
    /// The same answers as `describe` with no waiting and no feedback, for a describer that computes them
    /// (offline): the stage then answers every table on every core, on threads of its own. Cleared when `describe`
    /// is replaced.
    public var answerAtOnce: (@Sendable (TableRequest) -> TableAnswer)?

    public init(provider: String, model: String, isRemote: Bool, redact: Redactor = Redactor(),
                describe: @escaping @Sendable (TableRequest, String?) async throws -> TableAnswer) {
        self.provider = provider
        self.model = model
        self.isRemote = isRemote
        self.redact = redact
        self.describe = describe
    }

    /// Version of the prompt and answer format; part of the cache key, so changing the prompt re-asks.
    public static let promptVersion = "scribe-describe-1"

    public static let offline: Describer = {
        var describer = Describer(provider: "offline", model: "rules-1", isRemote: false) { request, _ in
            OfflineDescriber.answer(request)
        }
        describer.answerAtOnce = { OfflineDescriber.answer($0) }
        return describer
    }()
}

/// Sends HTTP requests. A struct of one closure: URLSession (libcurl) by default.
public struct HTTPTransport: Sendable {
    public var send: @Sendable (URLRequest) async throws -> (Data, HTTPURLResponse)

    public init(send: @escaping @Sendable (URLRequest) async throws -> (Data, HTTPURLResponse)) {
        self.send = send
    }

    /// URLSession (libcurl) with the request's `timeoutInterval` enforced here: on Linux a cut
    /// connection could otherwise hold a request for a minute whatever the interval says.
    public static let urlSession = HTTPTransport { request in
        do {
            let (data, response) = try await withTimeout(request.timeoutInterval) {
                try await URLSession.shared.data(for: request)
            }
            guard let http = response as? HTTPURLResponse else { throw DescribeError(.transport("not an HTTP response")) }
            return (data, http)
        } catch let error as DescribeError {
            throw error
        } catch let error as URLError where error.code == .timedOut {
            throw DescribeError(.timeout)
        } catch {
            throw DescribeError(.transport(error.localizedDescription))
        }
    }
}

/// Runs `work`, or throws `DescribeError(.timeout)` when it takes longer than `seconds` (and cancels it).
func withTimeout<T: Sendable>(_ seconds: TimeInterval, _ work: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await work() }
        group.addTask {
            try await Task.sleep(nanoseconds: UInt64(max(0.001, seconds) * 1_000_000_000))
            throw DescribeError(.timeout)
        }
        defer { group.cancelAll() }
        guard let first = try await group.next() else { throw DescribeError(.timeout) }
        return first
    }
}
