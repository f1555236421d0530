/// Why one request to a describer failed.
///
/// Two texts, because what a server returns may echo the key, the headers or the prompt: `summary` is
/// fixed per kind of failure and is all that pages and catalog.json show; `description` adds detail for
/// the log, and any server text in it was redacted and cut where it was read (`Redactor.excerpt`).
public struct DescribeError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// The server answered with a status other than 200; `body` is a redacted excerpt.
        case http(status: Int, retryAfter: Double?, body: String)
        case timeout
        /// The connection failed or was cut.
        case transport(String)
        /// The body was not the JSON the protocol promises.
        case malformed(String)
        /// The answer was JSON but does not answer the request (a column missing, one too many, …).
        case invalid(String)
    }

    public var reason: Reason

    public init(_ reason: Reason) {
        self.reason = reason
    }

    /// Whether trying again later may help: rate limits, server errors, timeouts, cut connections.
    var isTransient: Bool {
        switch reason {
        case .http(let status, _, _): return status == 429 || status == 408 || status >= 500
        case .timeout, .transport: return true
        case .malformed, .invalid: return false
        }
    }

    /// The server refused the key: every other request would be refused too, so the stage stops.
    public var isRefusal: Bool {
        if case .http(let status, _, _) = reason { return status == 401 || status == 403 }
        return false
    }

    /// What went wrong, in words of our own: nothing the server sent.
    public var summary: String {
        switch reason {
        case .http(401, _, _): return "the model server refused the key (HTTP 401)"
        case .http(403, _, _): return "the model server refused access with the key (HTTP 403)"
        case .http(429, _, _): return "the model server kept limiting the request rate (HTTP 429)"
        case .http(let status, _, _) where (400..<500).contains(status): return "the model server rejected the request (HTTP \(status))"
        case .http(let status, _, _): return "the model server failed (HTTP \(status))"
        case .timeout: return "the request to the model server timed out"
        case .transport: return "the connection to the model server failed"
        case .malformed: return "the model server answered with text that is not valid JSON"
        case .invalid: return "the model's answer did not fit the request"
        }
    }

    public var description: String {
        switch reason {
        case .http(_, _, let body): return summary + (body.isEmpty ? "" : ": \(body)")
        case .timeout: return "no answer within the timeout"
        case .transport(let message): return "connection failed (\(message))"
        case .malformed(let message): return "the answer was not valid JSON (\(message))"
        case .invalid(let message): return "the answer did not fit the request: \(message)"
        }
    }
}
