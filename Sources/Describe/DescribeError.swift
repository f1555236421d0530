/// Why one request to a describer failed. The text never carries the API key.
public struct DescribeError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// The server answered with a status other than 200.
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

    public var description: String {
        switch reason {
        case .http(let status, _, let body): return "HTTP \(status)" + (body.isEmpty ? "" : ": \(body.prefix(200))")
        case .timeout: return "no answer within the timeout"
        case .transport(let message): return "connection failed (\(message))"
        case .malformed(let message): return "the answer was not valid JSON (\(message))"
        case .invalid(let message): return "the answer did not fit the request: \(message)"
        }
    }
}
