import Catalog
import Foundation
import Testing
@testable import Context

/// Decisions about relationships, from a person's context file and from the relationships ledger, as the
/// catalog receives them: what the relationships stage must never suggest again, and what it must take as fact.
@Suite("Decided relationships")
struct RelationshipDecisionMergeTests {
    static let ledgerFile = "content/context/_relationships.yml"
    static let orders = TableID(source: "shop", schema: "main", name: "orders")
    static let events = TableID(source: "shop", schema: "main", name: "events")
    static let archivedEvents = TableID(source: "archive", schema: "main", name: "events")

    static func decision(_ from: TableID, _ fromColumn: String, _ to: TableID, _ toColumn: String,
                         _ decision: RelationshipDecision, by: String? = "Ada") -> RelationshipLedger.Entry {
        .init(from: .init(table: from, columns: [fromColumn]), to: .init(table: to, columns: [toColumn]), decision: decision,
              confidence: 0.75, decidedBy: by, decidedOn: "2026-12-01")
    }

    func merge(_ yaml: String = "", ledger entries: [RelationshipLedger.Entry] = []) throws -> ContextMerge.Result {
        var context = try ContextLoader().parseYAML(yaml, file: "c.yml")
        // Through the file, so that findings have its lines.
        context.relationshipDecisions = try RelationshipLedger.parse(RelationshipLedger(entries: entries).rendered(), file: Self.ledgerFile)
        return try ContextMerge(context: context).apply(to: Shop.catalog())
    }

    @Test func aRelationshipAPersonRejectsIsNeverShownAndAnyOtherIsAFact() throws {
        let result = try merge("""
            relationships:
              - {from: archive.main.events.id, to: shop.main.events.id, status: rejected}
              - {from: orders.status, to: shop.main.events.id, status: accepted}
              - {from: orders.is_gift, to: shop.main.events.id}
            """)
        let relationships = result.catalog.relationships
        #expect(relationships.map(\.origin) == [.inferred, .documented, .documented])
        #expect(relationships.map(\.status) == [.rejected, .accepted, .accepted])
        #expect(relationships.map(\.isShown) == [false, true, true])
        #expect(relationships[0].from == .init(table: Self.archivedEvents, columns: ["id"]))
        #expect(relationships[0].to == .init(table: Self.events, columns: ["id"]))
        #expect(result.findings.isEmpty)
    }

    @Test func theLedgersDecisionsJoinTheCatalogAsInferredRelationships() throws {
        let result = try merge(ledger: [
            Self.decision(Self.archivedEvents, "id", Self.events, "id", .accepted),
            Self.decision(Self.orders, "status", Self.events, "id", .rejected, by: nil),
        ])
        let relationships = result.catalog.relationships
        #expect(relationships.map(\.origin) == [.inferred, .inferred])
        #expect(relationships.map(\.status) == [.accepted, .rejected])
        #expect(relationships.map(\.decidedBy) == ["Ada", nil])
        #expect(relationships.map(\.confidence) == [0.75, 0.75])
        #expect(relationships.map(\.isSuggestion) == [false, false])
        #expect(result.findings.isEmpty)
    }

    @Test func aDecisionAboutSomethingThatIsGoneIsAFindingAtItsLine() throws {
        let refunds = TableID(source: "shop", schema: "main", name: "refunds")
        let result = try merge(ledger: [
            Self.decision(refunds, "order_id", Self.orders, "id", .accepted),
            Self.decision(Self.orders, "coupon_id", Self.events, "id", .rejected),
            Self.decision(Self.orders, "status", Self.events, "code", .accepted),
        ])
        #expect(result.catalog.relationships.isEmpty)
        #expect(result.findings.map(\.description) == [
            "\(Self.ledgerFile):7:5: `main.orders.coupon_id → main.events.id` is rejected here but the column `main.orders.coupon_id` "
                + "no longer exists; delete its entry",
            "\(Self.ledgerFile):21:5: `main.orders.status → main.events.code` is accepted here but the column `main.events.code` "
                + "no longer exists; delete its entry",
            "\(Self.ledgerFile):35:5: `main.refunds.order_id → main.orders.id` is accepted here but the table `main.refunds` "
                + "no longer exists; delete its entry",
        ])
    }

    @Test func aDecisionForAForeignKeyTheDatabaseNowDeclaresIsAFinding() throws {
        let customers = TableID(source: "shop", schema: "main", name: "customers")
        let result = try merge(ledger: [Self.decision(Self.orders, "customer_id", customers, "id", .accepted)])
        #expect(result.catalog.relationships.isEmpty)
        #expect(result.findings.map(\.description) == [
            "\(Self.ledgerFile):7:5: `main.orders.customer_id → main.customers.id` is accepted here but the database now declares it "
                + "as a foreign key; delete its entry",
        ])
    }

    @Test func aPersonsContextFileWinsOverTheLedger() throws {
        let result = try merge("""
            relationships:
              - from: orders.status
                to: shop.main.events.id
                status: rejected
              - from: archive.main.events.id
                to: shop.main.events.id
            """, ledger: [
                Self.decision(Self.orders, "status", Self.events, "id", .accepted),
                Self.decision(Self.archivedEvents, "id", Self.events, "id", .accepted),
            ])
        #expect(result.catalog.relationships.map(\.status) == [.rejected, .accepted])
        #expect(result.catalog.relationships.map(\.origin) == [.inferred, .documented])
        // Agreeing is no finding; disagreeing says which wins.
        #expect(result.findings.map(\.description) == [
            "\(Self.ledgerFile):21:5: `main.orders.status → main.events.id` is accepted here but rejected in c.yml:2:5, "
                + "which wins; delete this entry or change that file",
        ])
    }
}
