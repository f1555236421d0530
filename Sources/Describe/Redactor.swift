import Foundation

/// Takes secrets out of text before it is logged, stored or raised: the configured key's own value, and
/// anything shaped like a credential (a bearer token, an `sk-…` or `sk-ant-…` key, the value of an
/// `Authorization` or `x-api-key` header, the user and password in a URL).
///
/// Model servers and the proxies before them echo requests in their error bodies, headers included, so
/// every text that came from a server passes through here, at every exit; shapes are matched as well as
/// the key because a proxy may add a credential of its own.
public struct Redactor: Sendable {
    /// The configured key, and any other value known to be secret.
    public var secrets: [String]

    public init(secrets: [String] = []) {
        // A value this short would take pieces out of ordinary words and numbers ("HTTP 401") and is no real secret.
        self.secrets = secrets.filter { $0.count >= 4 }.sorted { $0.count > $1.count }
    }

    public static let placeholder = "[redacted]"
    /// How much of a server's body a log line shows.
    public static let excerptLength = 200

    public func callAsFunction(_ text: String) -> String {
        var text = secrets.reduce(text) { $0.replacingOccurrences(of: $1, with: Self.placeholder) }
        // The header's name and separator are kept, so the reader still sees which header it was.
        text = text.replacing(Self.header) { match in match.output.1 + match.output.2 + Self.placeholder }
        text = text.replacing(Self.bearer) { match in match.output.1 + Self.placeholder }
        text = text.replacing(Self.userInURL) { match in match.output.1 + Self.placeholder + "@" }
        return text.replacing(Self.key, with: Self.placeholder)
    }

    /// A server's body for a log line: on one line, redacted, then cut — in that order, so a cut cannot leave
    /// the start of a secret that redaction would no longer recognise.
    public func excerpt(_ body: Data) -> String {
        let text = self(String(decoding: body, as: UTF8.self))
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return text.count > Self.excerptLength ? text.prefix(Self.excerptLength) + "…" : text
    }

    // Computed: a Regex is not Sendable, so it cannot be a shared constant; building one costs microseconds
    // and a build redacts a handful of messages.

    /// `Authorization: …`, `"x-api-key": "…"`: the value runs to the closing quote or the end of the line.
    static var header: Regex<(Substring, Substring, Substring)> { /(?i)\b((?:proxy-)?authorization|x-api-key|api-key)(["']?\s*[:=]\s*["']?)[^"'\r\n]+/ }
    static var bearer: Regex<(Substring, Substring)> { /(?i)\b(bearer\s+)[A-Za-z0-9._~+\/=-]+/ }
    /// `https://user:password@proxy…`: a base URL may carry credentials, and connection errors quote it.
    static var userInURL: Regex<(Substring, Substring)> { /([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^\/\s@]+:[^\/\s@]+@/ }
    static var key: Regex<Substring> { /\bsk-(?:ant-)?[A-Za-z0-9_-]{8,}/ }
}

extension Redactor {
    /// An answer with its texts redacted: it is cached and published, like any other text a server returns.
    public func callAsFunction(_ answer: TableAnswer) -> TableAnswer {
        TableAnswer(table: answer.table.map { self($0) }, columns: answer.columns.mapValues { self($0) })
    }
}
