import Catalog
import Foundation
import Testing
import TestSupport
@testable import Describe

/// Against tests/fake_llm/server.py on 127.0.0.1: real HTTP, real failures.
@Suite("Describing with a model over HTTP")
struct RemoteDescribeTests {
    let server: FakeModelServer
    let folder: TemporaryFolder

    init() throws {
        server = try FakeModelServer()
        folder = try TemporaryFolder()
    }

    func stage(_ describer: Describer? = nil, concurrency: Int = 2, maxCalls: Int? = nil,
               reuse: @escaping @Sendable (TableID) -> DescribeStage.Reuse = { _ in .cached }) -> DescribeStage {
        DescribeStage(
            describer: describer ?? .openAI(baseURL: server.baseURL, model: "test-model", apiKey: "sk-secret-key-123", timeout: 2),
            cache: AnswerCache(folder: folder.path("cache")),
            settings: .init(concurrency: concurrency, maxCalls: maxCalls, baseDelay: 0.05, maxDelay: 0.2),
            reuse: reuse)
    }


    /// Answer files in the cache (the per-table pointers under latest/ aside).
    var cachedAnswers: [String: Data] {
        TemporaryFolder.contents(of: folder.path("cache")).filter { !$0.key.hasPrefix("latest/") }
    }

    @Test func describesEveryTableOnceAndARebuildMakesNoCall() async throws {
        let (catalog, report) = try await stage().run(Shop.catalog())
        #expect(report == .init(tables: 3, fromCache: 0, described: 3, calls: 3, retries: 0, pending: []))
        #expect(catalog.description("orders")?.text == "Description of the table.")
        #expect(catalog.description("orders", "status") == Description(text: "Description of status.", origin: .model, status: .draft))
        #expect(try await server.stats().requests == 3)

        let (again, second) = try await stage().run(Shop.catalog())
        #expect(second == .init(tables: 3, fromCache: 3, described: 3, calls: 0, retries: 0, pending: []))
        #expect(again == catalog)
        #expect(try await server.stats().requests == 3)
    }

    @Test func theRequestCarriesTheSchemaAndTheKeyButTheCacheNeverHoldsTheKey() async throws {
        _ = try await stage().run(Shop.catalog())
        let bodies = try await server.stats().bodies
        let first = try #require(bodies.first)
        #expect(first["auth"] as? String == "Bearer sk-secret-key-123")
        let request = try #require(first["request"] as? [String: Any])
        let format = try #require(request["response_format"] as? [String: Any])
        #expect(format["type"] as? String == "json_schema")
        for (_, data) in TemporaryFolder.contents(of: folder.path("cache")) {
            #expect(!String(decoding: data, as: UTF8.self).contains("sk-secret-key-123"))
        }
        #expect(cachedAnswers.count == 3)
    }

    @Test func aRateLimitIsRetriedAfterRetryAfter() async throws {
        try await server.script(["429"])
        let started = Date()
        let (_, report) = try await stage(concurrency: 1).run(Shop.catalog())
        #expect(Date().timeIntervalSince(started) >= 1.0)
        #expect(report.calls == 4 && report.retries == 1 && report.pending.isEmpty)
    }

    @Test func serverErrorsCutConnectionsAndTimeoutsAreRetried() async throws {
        try await server.script(["500", "cut", "slow"])
        let (_, report) = try await stage(concurrency: 1).run(Shop.catalog())
        #expect(report.pending.isEmpty)
        #expect(report.described == 3)
        #expect(report.retries == 3 && report.calls == 6)
    }

    @Test func anUnusableAnswerIsAskedForAgainWithTheReason() async throws {
        try await server.script(["malformed", "missing_column"])
        let (catalog, report) = try await stage(concurrency: 1).run(Shop.catalog())
        #expect(report.pending.isEmpty && report.retries == 2)
        let bodies = try await server.stats().bodies
        let third = try #require((bodies[2]["request"] as? [String: Any])?["messages"] as? [[String: Any]])
        #expect((third.last?["content"] as? String)?.contains("Your previous answer could not be used: the answer did not fit the request: no description for column(s) `email`") == true)
        #expect(catalog.allTables.allSatisfy { $0.description != nil })
    }

    @Test func anAnswerThatNeverFitsIsPendingAndNothingOfItIsApplied() async throws {
        try await server.script(["extra_column", "extra_column", "extra_column"])
        let (catalog, report) = try await stage(concurrency: 1).run(Shop.catalog())
        #expect(report.pending == ["shop.main.customers: the answer did not fit the request: column(s) that were not asked for: `not_a_column` (asked 3 times)"])
        #expect(catalog.description("customers") == nil)
        // The site says why the table has no text yet, in fixed words: the log has the model's particulars.
        #expect(catalog.table(Shop.id("customers"))?.describePending == "the model's answer did not fit the request (asked 3 times)")
        #expect(catalog.table(Shop.id("customers"))?.columns.allSatisfy { $0.description == nil } == true)
        #expect(catalog.description("orders") != nil)
    }

    @Test func theCallBudgetIsKept() async throws {
        let (_, report) = try await stage(concurrency: 1, maxCalls: 1).run(Shop.catalog())
        #expect(report.calls == 1 && report.described == 1)
        #expect(report.pending.count == 2)
        #expect(report.pending.allSatisfy { $0.hasSuffix("the call budget (describe.max_calls) is used up") })
    }

    @Test func changingOneTablesInputsAsksOnlyForThatTable() async throws {
        _ = try await stage().run(Shop.catalog())
        var changed = Shop.catalog()
        changed.sources[0].schemas[0].tables[2].context = EntityContext(hints: "Orders are placed by phone too.")
        let (_, report) = try await stage().run(changed)
        #expect(report.calls == 1 && report.fromCache == 2)
    }

    @Test func aTableWhoseContextChangedIsSentItsPreviousTextToImprove() async throws {
        _ = try await stage().run(Shop.catalog())
        var changed = Shop.catalog()
        changed.sources[0].schemas[0].tables[2].context = EntityContext(hints: "Orders are placed by phone too.")
        let (catalog, report) = try await stage().run(changed)
        #expect(report.calls == 1)
        let prompt = try #require(try await server.prompts().last)
        #expect(prompt.contains("Orders are placed by phone too."))
        #expect(prompt.contains("These descriptions were written before the context above changed."))
        // The previous answer, only the entities asked for again, as data.
        #expect(prompt.contains(#""table" : "Description of the table.""#))
        #expect(prompt.contains(#""customer_id" : "Description of customer_id.""#))
        #expect(catalog.description("orders")?.origin == .model)
        // The key covers the inputs alone, so the next build finds the improved answer without a call.
        let (_, again) = try await stage().run(changed)
        #expect(again.calls == 0 && again.fromCache == 3)
    }

    @Test func aRefreshStartsFromScratchAndImproveSendsThePreviousText() async throws {
        _ = try await stage().run(Shop.catalog())
        let orders = Shop.id("orders")
        let (_, refreshed) = try await stage(reuse: { $0 == orders ? .refresh : .cached }).run(Shop.catalog())
        #expect(refreshed.calls == 1)
        #expect(try await server.prompts().last?.contains("These descriptions were written before") == false)
        let (_, improved) = try await stage(reuse: { $0 == orders ? .improve : .cached }).run(Shop.catalog())
        #expect(improved.calls == 1)
        #expect(try await server.prompts().last?.contains("These descriptions were written before") == true)
    }

    @Test func theAnswerSchemaForbidsEmptyAndOverlongTexts() throws {
        let request = try #require(RequestBuilder.requests(for: Shop.catalog()).first)
        let schema = Prompt.schema(request)
        let columns = try #require((schema["properties"] as? [String: Any])?["columns"] as? [String: Any])
        #expect(columns["required"] as? [String] == request.wanted)
        let email = try #require((columns["properties"] as? [String: Any])?["email"] as? [String: Any])
        #expect(email["minLength"] as? Int == 1 && email["maxLength"] as? Int == TableAnswer.maximumLength)
        var withPrevious = request
        withPrevious.previous = TableAnswer(table: "Earlier.", columns: [:])
        #expect(withPrevious.key(promptVersion: "v", provider: "p", model: "m") == request.key(promptVersion: "v", provider: "p", model: "m"))
    }

    @Test func aVeryWideTableIsAskedForInPartsAndAnsweredWhole() async throws {
        let columns = (1...130).map { Column(name: "measure_\($0)", position: $0, dataType: "REAL") }
        let wide = Table(id: Shop.id("wide"), kind: .table, columns: columns)
        let catalog = Catalog(title: "Wide", sources: [Source(name: "shop", kind: .sqlite, schemas: [Schema(name: "main", tables: [wide])])])
        let requests = RequestBuilder.requests(for: catalog)
        #expect(requests.map(\.part) == [1, 2, 3] && requests.map(\.wanted.count) == [60, 60, 10])
        #expect(requests.map(\.describeTable) == [true, false, false])
        // Every part still shows the whole table, so the model sees each column among its neighbours.
        #expect(requests.allSatisfy { $0.columns.count == 130 })
        let (described, report) = try await stage().run(catalog)
        #expect(report.calls == 3 && report.pending.isEmpty)
        #expect(described.table(Shop.id("wide"))?.columns.allSatisfy { $0.description?.origin == .model } == true)
        #expect(described.description("wide")?.text == "Description of the table.")
        let (_, again) = try await stage().run(catalog)
        #expect(again.calls == 0 && again.fromCache == 3)
    }

    @Test func theAnthropicProviderUsesATool() async throws {
        let describer = Describer.anthropic(baseURL: server.baseURL, model: "claude-test", apiKey: "ak-123", timeout: 2)
        let (catalog, report) = try await stage(describer).run(Shop.catalog())
        #expect(report.described == 3 && report.pending.isEmpty)
        #expect(catalog.description("orders", "status")?.text == "Description of status.")
        let body = try #require(try await server.stats().bodies.first)
        #expect(body["path"] as? String == "/v1/messages")
        #expect(body["auth"] as? String == "ak-123")
    }
}
