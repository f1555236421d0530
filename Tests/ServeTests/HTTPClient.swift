import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A plain HTTP/1.1 client over a socket: requests go out exactly as written (a `..` stays a `..`), and
/// responses come back as sent (gzip stays gzip), which is what these tests look at.
struct HTTPClient {
    var port: Int

    struct Response {
        var status: Int
        /// Header names in lower case.
        var headers: [String: String]
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    func get(_ path: String, headers: [String: String] = [:], method: String = "GET") async throws -> Response {
        let bytes = try await exchange(Self.request(method, path, port: port, headers: headers))
        return try Self.parse(bytes)
    }

    static func request(_ method: String, _ path: String, port: Int, headers: [String: String]) -> String {
        "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
            + headers.map { "\($0.key): \($0.value)\r\n" }.joined() + "\r\n"
    }

    func connect() async throws -> NIOAsyncChannel<ByteBuffer, ByteBuffer> {
        try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
    }

    private func exchange(_ request: String) async throws -> [UInt8] {
        try await connect().executeThenClose { inbound, outbound in
            try await outbound.write(ByteBuffer(string: request))
            var bytes: [UInt8] = []
            for try await chunk in inbound { bytes += chunk.readableBytesView }
            return bytes
        }
    }

    struct Malformed: Error {}

    static func parse(_ bytes: [UInt8]) throws -> Response {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        guard let end = bytes.indices.first(where: { bytes[$0...].starts(with: separator) }) else { throw Malformed() }
        let head = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        guard let statusLine = head.first, let status = Int(statusLine.split(separator: " ")[1]) else { throw Malformed() }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(bytes[(end + 4)...])
        if headers["transfer-encoding"] == "chunked" { body = dechunk(body) }
        return Response(status: status, headers: headers, body: body)
    }

    static func dechunk(_ bytes: [UInt8]) -> [UInt8] {
        var body: [UInt8] = []
        var index = 0
        while index < bytes.count, let lineEnd = bytes[index...].firstIndex(of: UInt8(ascii: "\r")) {
            guard let size = Int(String(decoding: bytes[index..<lineEnd], as: UTF8.self), radix: 16), size > 0 else { break }
            body += bytes[(lineEnd + 2)..<min(bytes.count, lineEnd + 2 + size)]
            index = lineEnd + 2 + size + 2
        }
        return body
    }
}

/// A page's view of the build events: connected to `/_scribe/events` as an EventSource is, collecting each
/// event's data until closed.
final class EventListener: Sendable {
    struct Event: Decodable, Sendable {
        var generation: Int
        var error: String?
    }

    private let received = NIOLockedValueBox<[Event]>([])
    private let task = NIOLockedValueBox<Task<Void, any Error>?>(nil)

    init(port: Int) async throws {
        let channel = try await HTTPClient(port: port).connect()
        let received = self.received
        task.withLockedValue {
            $0 = Task {
                try await channel.executeThenClose { inbound, outbound in
                    try await outbound.write(ByteBuffer(string: HTTPClient.request("GET", "/_scribe/events", port: port, headers: [:])))
                    var text = ""
                    for try await chunk in inbound {
                        text += String(buffer: chunk)
                        // Each event arrives as one write; its `data:` line is JSON.
                        while let line = text.range(of: "data: "), let end = text[line.upperBound...].firstIndex(of: "\n") {
                            let json = String(text[line.upperBound..<end])
                            text = String(text[end...])
                            if let event = try? JSONDecoder().decode(Event.self, from: Data(json.utf8)) {
                                received.withLockedValue { $0.append(event) }
                            }
                        }
                    }
                }
            }
        }
    }

    var events: [Event] { received.withLockedValue { $0 } }

    /// Waits up to `seconds` for an event that `matches`, and returns it.
    func wait(seconds: Double = 30, for matches: (Event) -> Bool) async throws -> Event? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let event = events.last(where: matches) { return event }
            try await Task.sleep(for: .milliseconds(50))
        }
        return nil
    }

    func close() {
        task.withLockedValue { $0?.cancel() }
    }
}
