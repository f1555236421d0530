import Catalog
import Foundation
import Testing
@testable import Describe

/// Relationships the database does not declare feed the describer like its foreign keys; suggestions nobody
/// accepted are marked, so the words say "probably".
@Suite("Documented and suggested relationships in describe requests")
struct UndeclaredRelationshipRequestTests {
    /// The shop with `payments`, which declares no key: its `customer_id` is documented, its `order_id` only
    /// suggested, and a suggestion from `order_id` to `order_lines` was rejected.
    static func catalog() -> Catalog {
        var catalog = Shop.catalog()
        let payments = Table(id: Shop.id("payments"), kind: .table, columns: [
            Column(name: "id", position: 1, dataType: "INTEGER", isNullable: false, primaryKeyPosition: 1),
            Column(name: "order_id", position: 2, dataType: "INTEGER", isNullable: false),
            Column(name: "customer_id", position: 3, dataType: "INTEGER", isNullable: false),
        ], primaryKey: PrimaryKey(columns: ["id"]))
        catalog.sources[0].schemas[0].tables.append(payments)
        catalog.relationships = [
            .documented(from: payments.id, fromColumns: ["customer_id"], to: Shop.id("customers"), toColumns: ["id"]),
            Relationship(from: .init(table: payments.id, columns: ["order_id"]), to: .init(table: Shop.id("orders"), columns: ["id"]),
                         origin: .inferred, status: .suggested, confidence: 0.82, evidence: ["`order_id` is the table name `orders` and `id`"]),
            Relationship(from: .init(table: payments.id, columns: ["order_id"]), to: .init(table: Shop.id("order_lines"), columns: ["order_id"]),
                         origin: .inferred, status: .rejected, confidence: 0.6),
        ]
        return catalog
    }

    func request(_ name: String, in catalog: Catalog = Self.catalog()) throws -> TableRequest {
        RequestBuilder(catalog).request(for: try #require(catalog.table(Shop.id(name))))
    }

    @Test func theOfflineDescriberSaysASuggestionIsOnlyProbable() async throws {
        let described = try await DescribeStage(describer: .offline, cache: nil).run(Self.catalog()).0
        #expect(described.description("payments", "order_id")?.text
            == "Identifier of the order this payment probably belongs to (probably references orders.id).")
        #expect(described.description("payments", "customer_id")?.text
            == "Identifier of the customer this payment belongs to (references customers.id).")
        #expect(described.description("payments")?.text
            == "One row per payment. Each payment belongs to a customer. It probably also belongs to an order.")
        #expect(described.description("orders")?.text
            == "One row per order. Each order belongs to a customer. Referenced by order lines. Probably referenced by payments.")
        #expect(described.description("customers")?.text == "One row per customer. Referenced by orders and payments.")
    }

    @Test func aSuggestionIsMarkedInTheRequestAndThePrompt() throws {
        let payments = try request("payments")
        let orderID = try #require(payments.columns.first { $0.name == "order_id" })
        #expect(orderID.references == "orders.id" && orderID.referenceInferred == true && orderID.referenceConfidence == 0.82)
        #expect(orderID.key == "probable foreign key")
        let customerID = try #require(payments.columns.first { $0.name == "customer_id" })
        #expect(customerID.references == "customers.id" && customerID.referenceInferred == nil && customerID.referenceConfidence == nil)
        #expect(payments.referencesTables == ["customers"])
        #expect(payments.probablyReferences == [TableRequest.Suggested(table: "orders", confidence: 0.82)])
        #expect(try request("orders").probablyReferencedBy == [TableRequest.Suggested(table: "payments", confidence: 0.82)])
        #expect(try request("order_lines").probablyReferencedBy == nil, "the rejected suggestion is not there")

        let prompt = Prompt.user(payments, feedback: nil)
        #expect(prompt.contains("\"referenceInferred\" : true"))
        #expect(prompt.contains("\"referenceConfidence\" : 0.82"))
        #expect(prompt.contains("relationships Schema Scribe inferred from names, types and keys"))
        #expect(!Prompt.user(try request("order_lines"), feedback: nil).contains("inferred"))
    }

    @Test func aDeclaredKeyWinsOverASuggestionOnTheSameColumn() throws {
        var catalog = Self.catalog()
        catalog.relationships.append(Relationship(
            from: .init(table: Shop.id("orders"), columns: ["customer_id"]), to: .init(table: Shop.id("payments"), columns: ["customer_id"]),
            origin: .inferred, status: .suggested, confidence: 0.9))
        let orders = try request("orders", in: catalog)
        let customerID = try #require(orders.columns.first { $0.name == "customer_id" })
        #expect(customerID.references == "customers.id" && customerID.key == "foreign key" && customerID.referenceInferred == nil)
    }

    @Test func onlyRequestsOfTablesWithSuchRelationshipsChange() throws {
        let plain = Shop.catalog(), related = Self.catalog()
        func key(_ name: String, _ catalog: Catalog) throws -> String {
            try request(name, in: catalog).key(promptVersion: "v", provider: "p", model: "m")
        }
        #expect(try key("order_lines", plain) == key("order_lines", related))
        #expect(try key("orders", plain) != key("orders", related))
        let encoder = JSONEncoder()
        for table in plain.allTables {
            let json = String(decoding: try encoder.encode(try request(table.name, in: plain)), as: UTF8.self)
            #expect(!json.contains("probably") && !json.contains("referenceInferred") && !json.contains("referenceConfidence"))
        }
    }
}
