import Catalog
import Foundation
import Testing
@testable import Context

@Suite("Merging context into the catalog")
struct ContextMergeTests {
    func merge(_ yaml: String, defaults: Bool = true) throws -> ContextMerge.Result {
        try ContextMerge(context: try ContextLoader().parseYAML(yaml, file: "c.yml"), defaultTemplates: defaults).apply(to: Shop.catalog())
    }

    func column(_ result: ContextMerge.Result, _ table: String, _ column: String) -> Column? {
        result.catalog.table(TableID(source: "shop", schema: "main", name: table))?.column(named: column)
    }

    @Test func humanTextWinsOverADatabaseCommentWhichWinsOverATemplate() throws {
        let result = try merge("""
            tables:
              customers:
                description: People who buy from us.
                status: draft
              orders:
                columns:
                  status: {description: Where the order is.}
            """)
        let customers = result.catalog.table(TableID(source: "shop", schema: "main", name: "customers"))
        #expect(customers?.description == Description(text: "People who buy from us.", origin: .human, status: .draft))
        #expect(column(result, "orders", "status")?.description == Description(text: "Where the order is.", origin: .human, status: .approved))
        #expect(column(result, "customers", "created_at")?.description == Description(text: "When the customers row was created.", origin: .template))
    }

    @Test func theShippedTemplatesDescribeKeysTimestampsAndFlags() throws {
        let result = try merge("")
        #expect(column(result, "orders", "id")?.description?.text == "Unique identifier of each orders row.")
        #expect(column(result, "orders", "customer_id")?.description?.text
            == "Identifier of the customers this orders row refers to (references customers.id).")
        #expect(column(result, "orders", "shipped_at")?.description?.text == "When the orders row was shipped.")
        #expect(column(result, "orders", "is_gift")?.description?.text == "Whether the orders row is gift.")
        #expect(column(result, "orders", "status")?.description == nil)
        #expect(try merge("", defaults: false).catalog.allTables.flatMap(\.columns).allSatisfy { $0.description == nil })
    }

    @Test func aUsersTemplateComesBeforeTheShippedOnes() throws {
        let result = try merge("""
            templates:
              - column: "*_at"
                type: "timestamp*"
                description: Moment of {subject} ({table}.{column}).
            """)
        #expect(column(result, "orders", "shipped_at")?.description?.text == "Moment of shipped (orders.shipped_at).")
    }

    /// Placeholders are filled in one pass: a filled-in value (a table called `{column}`) is never searched for
    /// placeholders of its own.
    @Test func placeholdersAreFilledInOnePass() throws {
        let result = try merge("""
            templates:
              - column: "is_*"
                description: "{table}: {column} {verb_phrase} ({type}, {referenced_table})"
            """)
        #expect(column(result, "orders", "is_gift")?.description?.text == "orders: is_gift is gift (INTEGER, )")
        let braces = Catalog(title: "T", sources: [Source(name: "s", kind: .sqlite, schemas: [Schema(name: "main", tables: [
            Table(id: TableID(source: "s", schema: "main", name: "{column}"), kind: .table,
                  columns: [Column(name: "größe_at", position: 1, dataType: "TIMESTAMP"), Column(name: "groesse_on", position: 2, dataType: "DATE")]),
        ])])])
        let filled = try ContextMerge(context: ContextSet()).apply(to: braces).catalog.allTables[0].columns.map { $0.description?.text }
        #expect(filled == ["When the {column} row was größe.", "The date the {column} row was groesse."])
    }

    @Test func entriesNamingNothingAreFindingsWithASuggestion() throws {
        let result = try merge("""
            tables:
              ordrs:
                description: x
              orders:
                columns:
                  stauts: {description: y}
            """)
        #expect(result.findings.map(\.description) == [
            "c.yml:2:3: table `ordrs` does not exist; did you mean `orders`?",
            "c.yml:6:7: column `main.orders.stauts` does not exist; did you mean `status`?",
        ])
    }

    @Test func aNameInTwoSourcesMustBeQualified() throws {
        let result = try merge("tables:\n  main.events:\n    description: x\n")
        #expect(result.findings.map(\.description) == [
            "c.yml:2:3: `main.events` names several tables (archive.main.events, shop.main.events); write source.schema.table",
        ])
        let qualified = try merge("tables:\n  archive.main.events:\n    description: x\n")
        #expect(qualified.findings.isEmpty)
    }

    /// `é` (U+00E9) and `e` + U+0301 are two tables to the database; each spelling names its own.
    @Test func namesDifferingOnlyInUnicodeNormalizationResolveToTheirOwnTable() throws {
        let composed = "\u{E9}", decomposed = "e\u{301}"
        let catalog = Catalog(title: "T", sources: [Source(name: "s", kind: .sqlite, schemas: [Schema(name: "main", tables: [composed, decomposed].map {
            Table(id: TableID(source: "s", schema: "main", name: $0), kind: .table,
                  columns: [Column(name: composed, position: 1, dataType: "TEXT"), Column(name: decomposed, position: 2, dataType: "TEXT")])
        })])])
        // Yams refuses keys of one mapping that `String` takes for equal, so the spellings are kept apart.
        var context = try ContextLoader().parseYAML("""
            tables:
              \(decomposed):
                description: The decomposed table.
                columns:
                  \(composed): {description: Its composed column.}
              main.\(composed):
                description: The composed table.
            """, file: "a.yml")
        context.entries += try ContextLoader().parseYAML("""
            tables:
              s.main.\(decomposed):
                columns:
                  \(decomposed): {description: Its decomposed column.}
            """, file: "b.yml").entries
        let result = try ContextMerge(context: context, defaultTemplates: false).apply(to: catalog)
        #expect(result.findings.map(\.description) == [])
        let tables = result.catalog.allTables
        #expect(tables.map { $0.description?.text } == ["The composed table.", "The decomposed table."])
        #expect(tables[0].columns.map { $0.description?.text } == [nil, nil])
        #expect(tables[1].columns.map { $0.description?.text } == ["Its composed column.", "Its decomposed column."])
    }

    @Test func theSameTableDescribedTwiceIsAnErrorNamingBothPlaces() throws {
        let first = try ContextLoader().parseYAML("tables:\n  customers:\n    owner: Sales\n", file: "a.yml")
        var both = try ContextLoader().parseYAML("tables:\n  main.customers:\n    owner: Marketing\n", file: "b.yml")
        both.entries.insert(contentsOf: first.entries, at: 0)
        let error = #expect(throws: ConfigError.self) { try ContextMerge(context: both).apply(to: Shop.catalog()) }
        #expect(error?.description == "b.yml:3:5: table `main.customers` is already described at a.yml:3:5; describe each table and column in one place")
    }

    @Test func documentedRelationshipsAndTheGlossaryResolveTheirTables() throws {
        let result = try merge("""
            relationships:
              - from: orders.customer_id
                to: customers.id
                cardinality: many-to-one
              - from: orders.nope
                to: customers.id
            glossary:
              - term: Customer
                definition: Someone who has ordered.
                synonyms: [buyer]
                tables: [customers, clients]
            """)
        #expect(result.catalog.relationships == [.documented(
            from: TableID(source: "shop", schema: "main", name: "orders"), fromColumns: ["customer_id"],
            to: TableID(source: "shop", schema: "main", name: "customers"), toColumns: ["id"], cardinality: "many-to-one")])
        #expect(result.catalog.glossary.map(\.tables) == [[TableID(source: "shop", schema: "main", name: "customers")]])
        #expect(result.findings.map(\.description) == [
            "c.yml:5:5: column `orders.nope` does not exist",
            "c.yml:8:5: the glossary term `Customer` names table `clients`, which does not exist",
        ])
    }
}
