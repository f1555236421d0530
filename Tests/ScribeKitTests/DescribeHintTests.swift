import Foundation
import Testing
import TestSupport
@testable import ScribeKit

/// `scribe-build describe PATTERN --hint`: a quick try with more context, without editing files.
@Suite("scribe-build describe --hint")
struct DescribeHintTests {
    let folder: TemporaryFolder
    let server: FakeModelServer

    init() throws {
        folder = try TemporaryFolder()
        server = try FakeModelServer()
        try SQLiteFixture.create("""
            CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT NOT NULL, tier TEXT);
            INSERT INTO customers VALUES (1, 'ann@example.com', 'gold'), (2, 'bo@example.com', 'gold'), (3, 'cy@example.com', 'basic'),
                                         (4, 'di@example.com', 'basic');
            CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(id), total_cents INTEGER);
            """, in: folder.url, name: "shop.sqlite")
        try Data("""
            sources:
              - {name: shop, kind: sqlite, path: shop.sqlite}
            describe: {provider: openai, model: m, base_url: '\(server.baseURL.absoluteString)'}
            """.utf8).write(to: folder.path("site.yml"))
    }

    var config: String { folder.path("site.yml").path }

    @Test func theHintAndThePreviousTextGoToTheModelAndNothingElseChanges() async throws {
        _ = try await Build().run(.init(configPath: config))
        let site = TemporaryFolder.contents(of: folder.path("_site"))
        let report = try await Describe().run(configPath: config, patterns: ["main.orders"], hint: "Totals are in cents.")
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

    @Test func aTryAndApproveSeeTheSameRequestsAsABuildProfilesIncluded() async throws {
        _ = try await Build().run(.init(configPath: config))
        let calls = try await server.stats().requests
        // Approving the describer's text takes it from the cache: the request (with the profile's PII
        // finding and value shapes in it) is the build's, so no call is made.
        _ = try await Approve().run(configPath: config, patterns: ["main.customers.tier"], dryRun: true)
        #expect(try await server.stats().requests == calls)

        _ = try await Describe().run(configPath: config, patterns: ["main.customers"], hint: "Tiers are earned yearly.")
        try FileManager.default.createDirectory(at: folder.path("content/context"), withIntermediateDirectories: true)
        try Data("tables:\n  customers:\n    hints: Tiers are earned yearly.\n".utf8).write(to: folder.path("content/context/customers.yml"))
        let build = try await Build().run(.init(configPath: config, strict: true))
        #expect(build.describe.calls == 0)
    }

    @Test func aWideTableShowsEveryPartBeforeAndAfter() async throws {
        let columns = (1...70).map { "m\($0) REAL" }.joined(separator: ", ")
        try SQLiteFixture.execute("CREATE TABLE wide (\(columns))", in: folder.path("shop.sqlite"))
        _ = try await Build().run(.init(configPath: config))
        let report = try await Describe().run(configPath: config, patterns: ["main.wide"], hint: "Sensor readings.")
        #expect(report.describe.calls == 2)
        #expect(report.changes.count == 71)
        #expect(report.changes.allSatisfy { $0.before != nil && $0.after != nil })
    }

    @Test func aPatternThatMatchesNothingIsAnError() async throws {
        await #expect(throws: BuildError.self) {
            _ = try await Describe().run(configPath: config, patterns: ["main.ordres"], hint: nil)
        }
    }
}
