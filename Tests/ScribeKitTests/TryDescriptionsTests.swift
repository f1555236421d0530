import Foundation
import Testing
import TestSupport
@testable import ScribeKit

/// `scribe-build describe PATTERN --hint`: a quick try with more context, without editing files.
@Suite("scribe-build describe --hint")
struct TryDescriptionsTests {
    let folder: TemporaryFolder
    let server: FakeModelServer

    init() throws {
        folder = try TemporaryFolder()
        server = try FakeModelServer()
        try SQLiteFixture.create("""
            CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT NOT NULL);
            CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(id), total_cents INTEGER);
            """, in: folder.url, name: "shop.sqlite")
        try Data("""
            sources:
              - {name: shop, kind: sqlite, path: shop.sqlite}
            describe: {provider: openai, model: m, base_url: '\(server.baseURL.absoluteString)'}
            """.utf8).write(to: folder.path("site.yml"))
    }

    var config: String { folder.path("site.yml").path }

    func prompts() async throws -> [String] {
        try await server.stats().bodies.compactMap { body in
            ((body["request"] as? [String: Any])?["messages"] as? [[String: Any]])?.last?["content"] as? String
        }
    }

    @Test func theHintAndThePreviousTextGoToTheModelAndNothingElseChanges() async throws {
        _ = try await Build().run(.init(configPath: config))
        let site = TemporaryFolder.contents(of: folder.path("_site"))
        let report = try await TryDescriptions().run(configPath: config, patterns: ["main.orders"], hint: "Totals are in cents.")
        #expect(report.describe.calls == 1)
        // `id` and `customer_id` are described by the shipped templates, so only these were the model's.
        #expect(report.changes.map(\.label) == ["main.orders", "main.orders.total_cents"])
        #expect(report.changes.allSatisfy { $0.before != nil && $0.after != nil })
        let prompt = try #require(try await server.prompts().last)
        #expect(prompt.contains("Totals are in cents."))
        #expect(prompt.contains("These descriptions were written before the context above changed."))
        #expect(TemporaryFolder.contents(of: folder.path("_site")) == site)
        #expect(!FileManager.default.fileExists(atPath: folder.path("content").path))

        // Written down in the context file, the same hint costs nothing: the answer is in the cache.
        try FileManager.default.createDirectory(at: folder.path("content/context"), withIntermediateDirectories: true)
        try Data("tables:\n  orders:\n    hints: Totals are in cents.\n".utf8).write(to: folder.path("content/context/orders.yml"))
        let build = try await Build().run(.init(configPath: config, strict: true))
        #expect(build.describe.calls == 0 && build.describe.fromCache == 2)
    }

    @Test func aPatternThatMatchesNothingIsAnError() async throws {
        await #expect(throws: BuildError.self) {
            _ = try await TryDescriptions().run(configPath: config, patterns: ["main.ordres"], hint: nil)
        }
    }
}
