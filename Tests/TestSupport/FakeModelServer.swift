import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The test model server (tests/fake_llm/server.py) on 127.0.0.1, started for one test and stopped after.
public final class FakeModelServer: @unchecked Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public let port: Int
    private let process: Process

    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)/v1")! }

    public init() throws {
        let script = Fixtures.repositoryRoot().appendingPathComponent("tests/fake_llm/server.py")
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, "--port", "0"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        // The first line says which port it bound.
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            line.append(byte)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).replacingOccurrences(of: "listening ", with: "")) else {
            process.terminate()
            throw Failure(description: "the test model server did not start")
        }
        self.port = port
    }

    deinit {
        // SIGKILL, and no waitUntilExit: on Linux that spins a run loop on this thread until Foundation
        // notices the exit, which can take the whole test run.
        kill(process.processIdentifier, SIGKILL)
    }

    /// The behaviour of the coming requests, one step each, then "ok".
    public func script(_ steps: [String], latency: Double = 0) async throws {
        _ = try await call("POST", "/__script", body: ["steps": steps, "latency": latency])
    }

    /// How many model requests arrived, and what they carried.
    public func stats() async throws -> (requests: Int, byStep: [String: Int], bodies: [[String: Any]]) {
        let object = try await call("GET", "/__stats", body: nil)
        return (object["requests"] as? Int ?? -1, object["by_step"] as? [String: Int] ?? [:], object["bodies"] as? [[String: Any]] ?? [])
    }

    /// The last user message of each model request so far, in order: what the describer was told.
    public func prompts() async throws -> [String] {
        try await stats().bodies.compactMap { body in
            ((body["request"] as? [String: Any])?["messages"] as? [[String: Any]])?.last?["content"] as? String
        }
    }

    private func call(_ method: String, _ path: String, body: [String: Any]?) async throws -> [String: Any] {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        if let body { request.httpBody = try JSONSerialization.data(withJSONObject: body) }
        let (data, _) = try await URLSession.shared.data(for: request)
        return (try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    }
}
