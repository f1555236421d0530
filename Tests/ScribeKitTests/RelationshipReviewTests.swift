import Catalog
import Foundation
import Testing
import TestSupport
@testable import Context
@testable import ScribeKit

/// `scribe-build relationships`, `relationships accept` and `relationships reject` on a real SQLite shop whose
/// tables join on keys nobody declared (Fixtures/undeclared-keys.sql).
@Suite("scribe-build relationships")
struct RelationshipReviewTests {
    let folder: TemporaryFolder

    /// What a person wrote about the shop; accepting and rejecting must leave it as it is, byte for byte.
    static let peoplesContext = """
        # The shop, as the sales team knows it.
        tables:
          main.orders:
            description: One row per order.   # reviewed in PR #3
            columns:
              customer_id: {description: Who ordered., tags: [core]}
        relationships:
          - {from: main.order_lines.product_id, to: main.products.id, cardinality: many-to-one}

        """

    init() throws {
        folder = try TemporaryFolder()
        try SQLiteFixture.create(Fixtures.text("undeclared-keys.sql"), in: folder.url, name: "shop.sqlite")
        try FileManager.default.createDirectory(at: folder.path("content/context"), withIntermediateDirectories: true)
        try Data(Self.peoplesContext.utf8).write(to: folder.path("content/context/shop.yml"))
        try Data("sources:\n  - {name: shop, kind: sqlite, path: shop.sqlite}\n".utf8).write(to: folder.path("site.yml"))
    }

    var config: String { folder.path("site.yml").path }
    static let ledger = "content/context/_relationships.yml"
    static let ordersToCustomers = "main.orders.customer_id → main.customers.id"

    var review: RelationshipReview { RelationshipReview(decidedBy: "Ada Lovelace", today: "2026-12-01") }

    func list(_ patterns: String..., shown: RelationshipReview.Shown = .suggested,
              minConfidence: Double? = nil) async throws -> RelationshipReview.Listing {
        try await review.list(configPath: config, patterns: patterns, shown: shown, minConfidence: minConfidence)
    }

    func decide(_ decision: RelationshipDecision, _ patterns: String..., dryRun: Bool = false) async throws -> RelationshipReview.Decisions {
        try await review.decide(decision, configPath: config, patterns: patterns, dryRun: dryRun)
    }

    /// The catalog the next build starts from, relationships stage included.
    func catalog() async throws -> Catalog {
        try await Build().run(Pipeline.catalog, .init(configPath: config, strict: true)).catalog
    }

    func relationship(_ label: String, in catalog: Catalog) -> Relationship? {
        catalog.relationships.first { RelationshipReview.label($0, namingSources: false) == label }
    }

    func labels(_ listing: RelationshipReview.Listing) -> [String] {
        listing.relationships.map { RelationshipReview.label($0, namingSources: false) }
    }

    /// Every file below content/ but the ledger, byte for byte.
    func peoplesFiles() -> [String: Data] {
        TemporaryFolder.contents(of: folder.path("content")).filter { $0.key != "context/_relationships.yml" }
    }

    @Test func theListingShowsEachSuggestionWithItsEvidence() async throws {
        let listing = try await list()
        // The product join is written in the context file: a fact, not a suggestion.
        #expect(labels(listing) == ["main.order_lines.order_id → main.orders.id", Self.ordersToCustomers])
        let orders = try #require(listing.relationships.last)
        #expect(orders.origin == .inferred && orders.status == .suggested && !orders.evidence.isEmpty)
        // 0.90 from the names, raised by the data: the shop's rows hold only customers that exist.
        #expect(orders.confidence == 0.95)
        #expect(orders.evidence.last == "all 2 distinct values checked exist in `customers.id`")

        let text = try await list("main.orders.*").text()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(lines.first == "\(Self.ordersToCustomers)  0.95  suggested")
        #expect(Array(lines.dropFirst()) == orders.evidence.map { "    \($0)" })
    }

    @Test func theJSONListingHasTheShapeOfCatalogJSON() async throws {
        let listing = try await list("shop.main.orders.customer_id")
        let json = try listing.json()
        #expect(try JSONDecoder().decode([Relationship].self, from: Data(json.utf8)) == listing.relationships)
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(objects.count == 1)
        #expect(Set(objects[0].keys).isSuperset(of: ["from", "to", "origin", "status", "confidence", "evidence"]))
        #expect(objects[0]["from"] as? NSDictionary == ["table": ["source": "shop", "schema": "main", "name": "orders"], "columns": ["customer_id"]])
        #expect(objects[0]["origin"] as? String == "inferred" && objects[0]["status"] as? String == "suggested")
    }

    @Test func acceptingWritesTheLedgerAndTheNextBuildTakesItAsAFact() async throws {
        let files = peoplesFiles()
        let report = try await decide(.accepted, "main.orders.customer_id")
        #expect(report.ledger == Self.ledger)
        #expect(report.changes == ["\(Self.ordersToCustomers) (0.95): accepted"])
        #expect(peoplesFiles() == files)
        #expect(try String(contentsOf: folder.path(Self.ledger), encoding: .utf8).hasSuffix("""
            schema_scribe_relationships: "1"
            relationships:
              - from:
                  source: shop
                  schema: main
                  table: orders
                  columns: [customer_id]
                to:
                  source: shop
                  schema: main
                  table: customers
                  columns: [id]
                status: accepted
                confidence: "0.95"
                decided_by: "Ada Lovelace"
                decided_on: "2026-12-01"

            """))

        let accepted = try #require(relationship(Self.ordersToCustomers, in: try await catalog()))
        #expect(accepted.origin == .inferred && accepted.status == .accepted && accepted.decidedBy == "Ada Lovelace")
        #expect(accepted.isShown && !accepted.isSuggestion)
        #expect(!labels(try await list()).contains(Self.ordersToCustomers))
        #expect(labels(try await list(shown: .accepted)) == [Self.ordersToCustomers])
        // Accepting again changes nothing.
        let again = try await decide(.accepted, "main.orders.*")
        #expect(again.changes.isEmpty && again.skipped == ["\(Self.ordersToCustomers): already accepted"])
    }

    @Test func aRejectedSuggestionIsNeverSuggestedNorShownAgain() async throws {
        let files = peoplesFiles()
        let report = try await decide(.rejected, "main.order_lines.*")
        #expect(report.changes == ["main.order_lines.order_id → main.orders.id (0.95): rejected"])
        #expect(report.skipped == ["main.order_lines.product_id → main.products.id: written in a context file; change it there"])
        #expect(peoplesFiles() == files)

        #expect(labels(try await list()) == [Self.ordersToCustomers])
        let rejected = try #require(relationship("main.order_lines.order_id → main.orders.id", in: try await catalog()))
        #expect(rejected.status == .rejected && !rejected.isShown)
        #expect(labels(try await list(shown: .rejected)) == ["main.order_lines.order_id → main.orders.id"])
        #expect(try await list(shown: .all).relationships.count == 2)
    }

    @Test func aRelationshipAcceptedBeforeCanBeRejectedAndTheLedgerKeepsTheLatestDecision() async throws {
        _ = try await decide(.accepted, "main.orders.customer_id")
        let report = try await decide(.rejected, "main.orders.customer_id")
        #expect(report.changes == ["\(Self.ordersToCustomers) (0.95): rejected"])
        let ledger = try RelationshipLedger.read(folder: folder.path("content/context"))
        #expect(ledger.entries.map(\.decision) == [.rejected])
        #expect(relationship(Self.ordersToCustomers, in: try await catalog())?.isShown == false)
        // And a change of mind back.
        _ = try await decide(.accepted, "main.orders.customer_id")
        #expect(relationship(Self.ordersToCustomers, in: try await catalog())?.status == .accepted)
    }

    @Test func statusRejectedInAPersonsContextFileDoesTheSame() async throws {
        let rejecting = Self.peoplesContext + "  - {from: main.orders.customer_id, to: main.customers.id, status: rejected}\n"
        try Data(rejecting.utf8).write(to: folder.path("content/context/shop.yml"))
        #expect(!labels(try await list()).contains(Self.ordersToCustomers))
        let rejected = try #require(relationship(Self.ordersToCustomers, in: try await catalog()))
        #expect(rejected.origin == .inferred && rejected.status == .rejected && !rejected.isShown)
        // The person's file decides it: accept leaves it to them.
        let report = try await decide(.accepted, "main.orders.customer_id")
        #expect(report.changes.isEmpty && report.skipped == ["\(Self.ordersToCustomers): written in a context file; change it there"])
        #expect(!FileManager.default.fileExists(atPath: folder.path(Self.ledger).path))
    }

    @Test func aPatternThatMatchesNothingRecordsNothing() async throws {
        let error = await #expect(throws: BuildError.self) { try await decide(.accepted, "main.orders.customer_id", "orders.*") }
        #expect(error?.description == "[relationships] no relationship matches `orders.*`; patterns are globs on the from side's "
            + "schema.table.column (source.schema.table.column with several sources), such as `main.orders.*`, and "
            + "`scribe-build relationships --status all` lists them (`--min-confidence` shows those less sure). Nothing was recorded")
        #expect(!FileManager.default.fileExists(atPath: folder.path(Self.ledger).path))

        let listing = try await list("orders.*")
        #expect(listing.relationships.isEmpty && listing.unmatched == ["orders.*"])
        #expect(listing.text() == "No suggested relationships match `orders.*` (min_confidence 0.60; --min-confidence lowers it).\n")
    }

    @Test func aDryRunWritesNothing() async throws {
        let before = TemporaryFolder.contents(of: folder.path("content"))
        let report = try await decide(.rejected, "main.*", dryRun: true)
        #expect(report.changes.count == 2)
        #expect(TemporaryFolder.contents(of: folder.path("content")) == before)
    }

    @Test func minConfidenceOverridesTheConfigurationForThisRunOnly() async throws {
        try Data("""
            sources:
              - {name: shop, kind: sqlite, path: shop.sqlite, relationships: {min_confidence: 0.97}}
            relationships: {min_confidence: 0.97}

            """.utf8).write(to: folder.path("site.yml"))
        #expect(try await list().relationships.isEmpty)
        #expect(labels(try await list(minConfidence: 0.5)).count == 2)
        #expect(try await list().relationships.isEmpty)
        // Accepting what only a lower threshold shows needs the same threshold.
        let report = try await review.decide(.accepted, configPath: config, patterns: ["main.orders.*"], minConfidence: 0.5)
        #expect(report.changes == ["\(Self.ordersToCustomers) (0.95): accepted"])
    }

    /// The whole site after accept and reject: catalog.json carries each decision, and the build has no findings.
    @Test func aBuildAfterDecidingRecordsEveryDecisionInCatalogJSON() async throws {
        _ = try await decide(.accepted, "main.orders.customer_id")
        _ = try await decide(.rejected, "main.order_lines.order_id")
        let report = try await Build().run(.init(configPath: config, strict: true))
        #expect(report.findings.isEmpty)
        struct Document: Decodable { var relationships: [Relationship] }
        let document = try JSONDecoder().decode(Document.self, from: Data(contentsOf: folder.path("_site/catalog.json")))
        let inferred = document.relationships.filter { $0.origin == .inferred }
        #expect(inferred.map { RelationshipReview.label($0, namingSources: false) }.sorted()
            == ["main.order_lines.order_id → main.orders.id", Self.ordersToCustomers])
        #expect(inferred.map(\.status).sorted { $0.rawValue < $1.rawValue } == [.accepted, .rejected])
    }
}
