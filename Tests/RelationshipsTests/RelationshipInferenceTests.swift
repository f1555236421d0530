import Catalog
import Testing
@testable import Relationships

@Suite("Relationships nobody declared")
struct RelationshipInferenceTests {
    /// Each fixture is a schema in one naming style and every relationship it should yield: exactly those, none
    /// missing and none extra, at the default min_confidence.
    @Test(arguments: try SchemaFixture.all().map(\.name))
    func eachNamingStyleYieldsExactlyItsRelationships(fixture name: String) throws {
        let fixture = try #require(try SchemaFixture.all().first { $0.name == name })
        let stage = RelationshipStage()
        let (catalog, _) = stage.apply(to: fixture.catalog, candidates: stage.candidates(in: fixture.catalog))
        let found = Set(catalog.relationships.filter(\.isSuggestion).map(\.fixtureText))
        #expect(found.subtracting(fixture.expected).sorted() == [], "suggested but not expected")
        #expect(fixture.expected.subtracting(found).sorted() == [], "expected but not suggested")
    }

    @Test func everySuggestionSaysWhyAndHowSure() throws {
        let fixture = try SchemaFixture(file: SchemaFixture.folder.appendingPathComponent("snake_case.schema"))
        let stage = RelationshipStage()
        let suggestions = stage.apply(to: fixture.catalog, candidates: stage.candidates(in: fixture.catalog)).catalog.relationships
        let billing = try #require(suggestions.first { $0.from.columns == ["billing_address_id"] })
        #expect(billing.origin == .inferred)
        #expect(billing.status == .suggested)
        #expect(billing.cardinality == "many-to-one")
        #expect(billing.evidence.first == "`billing_address_id` is the table name `addresses` and `id` with the role `billing`")
        #expect(billing.evidence.contains("`id` is its primary key"))
        let confidence = try #require(billing.confidence)
        #expect(confidence > 0.6 && confidence < 0.9, "a role makes a name match less sure than a plain one")
        let plain = try #require(suggestions.first { $0.from.table.name == "orders" && $0.from.columns == ["customer_id"] })
        #expect((plain.confidence ?? 0) > confidence)
    }

    @Test func declaredKeysAndDocumentedRelationshipsAreFactsNotSuggestions() throws {
        var fixture = try SchemaFixture(file: SchemaFixture.folder.appendingPathComponent("snake_case.schema"))
        let orders = TableID(source: "db", schema: "main", name: "orders")
        let customers = TableID(source: "db", schema: "main", name: "customers")
        let addresses = TableID(source: "db", schema: "main", name: "addresses")
        fixture.catalog.updateTables { table in
            if table.id == orders {
                table.foreignKeys = [ForeignKey(columns: ["customer_id"], referencedTable: customers, referencedColumns: ["id"])]
            }
        }
        fixture.catalog.relationships = [.documented(from: orders, fromColumns: ["billing_address_id"], to: addresses, toColumns: ["id"])]
        let stage = RelationshipStage()
        let inferred = stage.candidates(in: fixture.catalog).filter { $0.from.table == orders }.map { $0.from.columns[0] }
        #expect(!inferred.contains("customer_id"))
        #expect(!inferred.contains("billing_address_id"))
        #expect(inferred.contains("shipping_address_id"))
    }

    @Test func aRejectedSuggestionIsNeverSuggestedAgainAndAnAcceptedOneIsConfirmed() throws {
        var fixture = try SchemaFixture(file: SchemaFixture.folder.appendingPathComponent("snake_case.schema"))
        let stage = RelationshipStage()
        let first = stage.candidates(in: fixture.catalog)
        var rejected = try #require(first.first { $0.from.columns == ["created_by"] })
        rejected.status = .rejected
        var accepted = try #require(first.first { $0.from.columns == ["status_id"] })
        accepted.status = .accepted
        accepted.confidence = nil
        accepted.evidence = []
        fixture.catalog.relationships = [rejected, accepted]
        let (catalog, report) = stage.apply(to: fixture.catalog, candidates: stage.candidates(in: fixture.catalog))
        #expect(!catalog.relationships.contains { $0.from.columns == ["created_by"] && $0.isShown })
        let confirmed = try #require(catalog.relationships.first { $0.pair == accepted.pair })
        #expect(confirmed.status == .accepted)
        #expect(confirmed.confidence != nil && !confirmed.evidence.isEmpty, "an accepted relationship shows what the names still say")
        #expect(report.confirmed == 1)
        #expect(report.rejected == 1)
    }

    @Test func minConfidenceIsPerSource() throws {
        let fixture = try SchemaFixture(file: SchemaFixture.folder.appendingPathComponent("link_tables.schema"))
        let strict = RelationshipStage(settings: ["db": RelationshipSettings(minConfidence: 0.8)])
        let (catalog, report) = strict.apply(to: fixture.catalog, candidates: strict.candidates(in: fixture.catalog))
        #expect(catalog.relationships.allSatisfy { ($0.confidence ?? 0) >= 0.8 })
        #expect(report.belowThreshold > 0)
        let off = RelationshipStage(settings: ["db": RelationshipSettings(infer: false)])
        #expect(off.candidates(in: fixture.catalog).isEmpty)
    }

    @Test func viewsAreNeitherParentsNorChildren() throws {
        var fixture = try SchemaFixture(file: SchemaFixture.folder.appendingPathComponent("snake_case.schema"))
        fixture.catalog.updateTables { table in
            if table.name == "customers" || table.name == "order_lines" { table.kind = .view }
        }
        let found = RelationshipStage().candidates(in: fixture.catalog)
        #expect(!found.contains { $0.to.table.name == "customers" || $0.from.table.name == "order_lines" })
    }

    @Test func aSchemaOfThousandsOfTablesNeedsNoAllPairsComparison() throws {
        // 3,000 tables, each pointing at the previous one by name: every reference is found, and nothing else.
        var tables: [Table] = []
        for index in 0..<3_000 {
            var columns = [Column(name: "id", position: 1, dataType: "bigint", primaryKeyPosition: 1),
                           Column(name: "label", position: 2, dataType: "text")]
            if index > 0 { columns.append(Column(name: "entity_\(index - 1)_id", position: 3, dataType: "bigint")) }
            tables.append(Table(id: TableID(source: "db", schema: "s", name: "entity_\(index)"), kind: .table, columns: columns,
                                primaryKey: PrimaryKey(columns: ["id"])))
        }
        let catalog = Catalog(title: "many", sources: [Source(name: "db", kind: .postgres, schemas: [Schema(name: "s", tables: tables)])])
        let found = RelationshipStage().candidates(in: catalog)
        #expect(found.count == 2_999)
        #expect(found.allSatisfy { $0.to.table.name == "entity_" + String(Int($0.from.table.name.dropFirst(7))! - 1) })
    }
}

@Suite("Identifier words")
struct IdentifierWordsTests {
    @Test(arguments: [
        ("customer_id", ["customer", "id"]), ("customerId", ["customer", "id"]), ("CustomerID", ["customer", "id"]),
        ("CUSTOMER_ID", ["customer", "id"]), ("customer id", ["customer", "id"]), ("customerid", ["customerid"]),
        ("XMLFileID", ["xml", "file", "id"]), ("entity0", ["entity", "0"]), ("ss_item_sk", ["ss", "item", "sk"]),
        ("KundenNr", ["kunden", "nr"]), ("Straße_ID", ["straße", "id"]), ("numéro_client", ["numéro", "client"]),
        ("cafe\u{301}_id", ["cafe\u{301}", "id"]), ("客户_id", ["客户", "id"]), ("", []), ("__", []),
    ])
    func splitsEveryStyleIntoLowercaseWords(identifier: String, words: [String]) {
        #expect(IdentifierWords(identifier: identifier).words == words)
    }

    @Test func singularAndPluralAsTableNamesUseThem() {
        #expect(IdentifierWords(["order", "lines"]).singular.words == ["order", "line"])
        #expect(IdentifierWords.singular("categories") == "category")
        #expect(IdentifierWords.singular("addresses") == "address")
        #expect(IdentifierWords.singular("status") == "status")
        #expect(IdentifierWords.singular("people") == "person")
        #expect(IdentifierWords.plural("category") == "categories")
        #expect(IdentifierWords.plural("box") == "boxes")
    }

    @Test func abbreviationsKeepTheFirstLetterAndLaterOnesInOrder() {
        #expect(Abbreviation.abbreviates("cust", "customer"))
        #expect(Abbreviation.abbreviates("emp", "employee"))
        #expect(Abbreviation.abbreviates("dept", "department"))
        #expect(Abbreviation.abbreviates("addr", "address"))
        #expect(!Abbreviation.abbreviates("ca", "customer"), "two letters say too little")
        #expect(!Abbreviation.abbreviates("custome", "customer"), "a typo, not an abbreviation")
        #expect(!Abbreviation.abbreviates("prod", "department"))
    }
}
