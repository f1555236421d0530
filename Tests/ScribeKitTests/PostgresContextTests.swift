import Catalog
import Foundation
import Testing
import TestSupport
@testable import ScribeKit

/// Context files against a real PostgreSQL dataset: Pagila, loaded by scripts/pg-test-server.
@Suite("Context on PostgreSQL", .enabled(if: PostgresFixture.isAvailable, "needs the test server: run scripts/test"))
struct PostgresContextTests {
    @Test func contextMergesAndTheApproveRoundTripHolds() async throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(at: folder.path("content"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.url("pagila-context"), to: folder.path("content/context"))
        try Data("sources:\n  - {name: pagila, kind: postgres, url: \"${PAGILA_URL}\"}\n".utf8).write(to: folder.path("site.yml"))
        let environment = ["PAGILA_URL": try PostgresFixture.url(database: "pagila")]
        let config = folder.path("site.yml").path

        let report = try await Build(environment: environment).run(.init(configPath: config, strict: true))
        #expect(report.findings.isEmpty)
        let film = try String(contentsOf: folder.path("_site/pagila/public/tables/film.html"), encoding: .utf8)
        #expect(film.contains("Every film the rental chain carries, with its <strong>rental terms</strong>."))
        #expect(film.contains("<dt>Owner</dt><dd>Catalogue team</dd>"))
        let payment = try String(contentsOf: folder.path("_site/pagila/public/tables/payment.html"), encoding: .utf8)
        #expect(payment.contains("Documented relationships"))

        let draft = try String(contentsOf: folder.path("_site/pagila/public/tables/actor.html"), encoding: .utf8)
        #expect(draft.contains(">human · draft</span>") && draft.contains(">template</span>"))

        let approved = try await Approve(environment: environment).run(configPath: config, patterns: ["public.actor", "public.actor.*"], dryRun: false)
        #expect(approved.ledger == "content/context/_approvals.yml" && !approved.changes.isEmpty)
        let again = try await Build(environment: environment).run(.init(configPath: config, strict: true))
        #expect(again.findings.isEmpty)
        let actor = try String(contentsOf: folder.path("_site/pagila/public/tables/actor.html"), encoding: .utf8)
        #expect(!actor.contains(">template</span>") && !actor.contains("· draft"))
        // The table, actor_id (template text), last_update (the CSV) and the names (the offline describer's text).
        #expect(actor.components(separatedBy: ">human · approved</span>").count - 1 == 5)
        #expect(try await Approve(environment: environment).run(configPath: config, patterns: ["public.actor", "public.actor.*"], dryRun: false).changes.isEmpty)
    }
}
