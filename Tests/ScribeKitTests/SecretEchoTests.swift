import Foundation
import Testing
import TestSupport
@testable import ScribeKit

/// A model server (or a proxy before it) that echoes the key, the headers or the prompt in its error body:
/// none of it reaches the site, catalog.json, the cache or the log, and a refused key stops the build at once.
@Suite("No secret a model server echoes is published")
struct SecretEchoTests {
    let folder: TemporaryFolder
    let server: FakeModelServer
    /// Not shaped like any known key, so only redacting the key's own value keeps it out.
    static let key = "scribe-test-key-Zq8vN3kR5tW1yX7b"

    init() throws {
        folder = try TemporaryFolder()
        server = try FakeModelServer()
        try SQLiteFixture.create("""
            CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT NOT NULL, tier TEXT);
            CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(id), total_cents INTEGER);
            """, in: folder.url, name: "shop.sqlite")
        try Data("""
            sources:
              - {name: shop, kind: sqlite, path: shop.sqlite}
            describe: {provider: openai, model: m, base_url: '\(server.baseURL.absoluteString)', api_key_env: SCRIBE_TEST_KEY,
                       concurrency: 1}
            """.utf8).write(to: folder.path("site.yml"))
    }

    func build(_ lines: Lines) async throws -> Build.Report {
        try await Build(log: .collecting(into: lines), environment: ["SCRIBE_TEST_KEY": Self.key])
            .run(.init(configPath: folder.path("site.yml").path))
    }

    /// Every file the build left (site and cache), the log, and `extra`, as (place, text).
    func everythingWritten(_ lines: Lines, _ extra: [String] = []) -> [(String, String)] {
        TemporaryFolder.contents(of: folder.url).filter { !$0.key.hasSuffix(".sqlite") && $0.key != "site.yml" }
            .map { ($0.key, String(decoding: $0.value, as: UTF8.self)) }
            + lines.all.map { ("log", $0) } + extra.map { ("error", $0) }
    }

    @Test(arguments: [(401, "the model server refused the key (HTTP 401)"),
                      (403, "the model server refused access with the key (HTTP 403)")])
    func aRefusedKeyStopsAtTheFirstRefusalAndIsNeverWritten(status: Int, reason: String) async throws {
        // The first table is answered, the second refused; every later request would be refused too.
        try await server.script(["ok"] + Array(repeating: "\(status)_echo", count: 8))
        let lines = Lines()
        let error = await #expect(throws: BuildError.self) { try await build(lines) }
        #expect(error?.description == "[describe] \(reason): check the key in SCRIBE_TEST_KEY (describe.api_key_env in site.yml); "
            + "it may be wrong, expired, or not allowed to use model m. No more requests were sent, and the site was not written; "
            + "answers already received are kept in the cache.")
        let stats = try await server.stats()
        #expect(stats.requests == 2 && stats.byStep["\(status)_echo"] == 1)
        for (place, text) in everythingWritten(lines, [error?.description ?? ""]) {
            #expect(!text.contains(Self.key) && !text.contains("Bearer "), "\(place): \(text.prefix(300))")
        }
        // The log says what the server said, cut and with the key taken out.
        #expect(lines.all.contains { $0.contains("Incorrect API key provided: [redacted]") })

        // The answer received before the refusal was kept: with the key accepted, only the other table is asked for.
        try await server.script([])
        let report = try await build(Lines())
        #expect(report.describe.fromCache == 1 && report.describe.calls == 1)
    }

    @Test func aRejectedRequestWhoseBodyEchoesThePromptPutsOnlyAFixedReasonOnPages() async throws {
        try await server.script(Array(repeating: "400_echo", count: 8))
        let lines = Lines()
        let report = try await build(lines)
        let reason = "the model server rejected the request (HTTP 400)"
        // The log's pending lines may carry a cut excerpt of what the server said; pages only the fixed reason.
        #expect(report.describe.pending.map { $0.prefix(while: { $0 != ":" }) } == ["shop.main.customers", "shop.main.orders"])
        #expect(report.describe.pending.allSatisfy { $0.contains(": \(reason)") })
        // Asking again cannot help when the server rejects the request itself.
        #expect(try await server.stats().requests == 2)
        let site = TemporaryFolder.contents(of: folder.path("_site")).mapValues { String(decoding: $0, as: UTF8.self) }
        let echoed = ["could not use the request", "Describe the table", "<data>", "You write documentation", Self.key, "Bearer "]
        for (path, text) in site {
            for fragment in echoed { #expect(!text.contains(fragment), "\(path) carries \(fragment)") }
        }
        let catalog = try #require(site["catalog.json"])
        #expect(catalog.components(separatedBy: "\"describePending\":\"\(reason)\"").count == 3)
        #expect(site.contains { $0.value.contains("title=\"\(reason)\"") })
        for line in lines.all { #expect(!line.contains(Self.key) && !line.contains("Bearer "), "\(line.prefix(300))") }
    }
}
