import Catalog
import Foundation
import Testing
import TestSupport
@testable import Review

/// `scribe-build diff`: what a reviewer of a pull request reads about a change to the documentation.
@Suite struct CatalogDiffTests {
    static func id(_ name: String, schema: String = "sales") -> TableID { TableID(source: "shop", schema: schema, name: name) }

    static func column(_ name: String, _ position: Int, _ type: String = "INTEGER", nullable: Bool = true, pk: Int? = nil,
                       _ description: Description? = nil, pii: PIIFinding? = nil) -> Column {
        var column = Column(name: name, position: position, dataType: type, isNullable: nullable, primaryKeyPosition: pk,
                            description: description)
        column.pii = pii
        return column
    }

    static func catalog(_ tables: [Table], relationships: [Relationship] = []) -> Catalog {
        let bySchema = Dictionary(grouping: tables, by: \.id.schema)
        return Catalog(title: "Shop", sources: [Source(name: "shop", kind: .sqlite, schemas: bySchema.keys.sorted().map {
            Schema(name: $0, tables: bySchema[$0] ?? [])
        })], relationships: relationships)
    }

    /// Before: orders and customers, one model draft, one human text; a suggested relationship.
    static let before: Catalog = {
        let orders = Table(id: id("orders"), kind: .table, columns: [
            column("id", 1, nullable: false, pk: 1),
            column("customer_id", 2),
            column("amount", 3, "NUMERIC(10,2)", Description(text: "Amount of the order.", origin: .model)),
            column("note", 4, "TEXT"),
        ], description: Description(text: "One row per order.", origin: .template))
        let customers = Table(id: id("customers"), kind: .table, columns: [
            column("id", 1, nullable: false, pk: 1),
            column("email", 2, "TEXT", Description(text: "Where we write to.", origin: .human, status: .approved)),
        ], description: Description(text: "People who buy.", origin: .human, status: .approved, inputsHash: "abc"))
        let legacy = Table(id: id("legacy_export", schema: "archive"), kind: .view, columns: [column("x", 1)])
        let suggested = Relationship(from: .init(table: id("orders"), columns: ["customer_id"]), to: .init(table: id("customers"), columns: ["id"]),
                                     origin: .inferred, status: .suggested, confidence: 0.91)
        let gone = Relationship.documented(from: id("orders"), fromColumns: ["note"], to: id("customers"), toColumns: ["id"])
        return catalog([orders, customers, legacy], relationships: [suggested, gone])
    }()

    /// After: a column retyped and made not null, a column added (with PII), one removed, descriptions approved,
    /// rewritten and gone stale, a table added and one removed, the suggestion accepted.
    static let after: Catalog = {
        let orders = Table(id: id("orders"), kind: .table, columns: [
            column("id", 1, "BIGINT", nullable: false, pk: 1),
            column("customer_id", 2, nullable: false),
            column("amount", 3, "NUMERIC(10,2)", Description(text: "Amount of the order.", origin: .model, status: .approved)),
            column("billing_email", 5, "TEXT", Description(text: "Email the invoice goes to.", origin: .model),
                   pii: PIIFinding(kind: .email, confidence: 0.93, reasons: ["name"])),
        ], description: Description(text: "One row per order a customer placed.", origin: .human))
        let customers = Table(id: id("customers"), kind: .table, columns: [
            column("id", 1, nullable: false, pk: 1),
            column("email", 2, "TEXT", Description(text: "Where we write to.", origin: .human, status: .approved),
                   pii: PIIFinding(kind: .email, confidence: 1, reasons: ["context"], origin: .context)),
        ], description: Description(text: "People who buy.", origin: .human, status: .approved, inputsHash: "abc", isStale: true))
        let refunds = Table(id: id("refunds"), kind: .table, columns: [column("id", 1, nullable: false, pk: 1), column("order_id", 2)],
                            description: Description(text: "Money given back.", origin: .model))
        let accepted = Relationship(from: .init(table: id("orders"), columns: ["customer_id"]), to: .init(table: id("customers"), columns: ["id"]),
                                    origin: .inferred, status: .accepted, confidence: 0.91)
        let new = Relationship(from: .init(table: id("refunds"), columns: ["order_id"]), to: .init(table: id("orders"), columns: ["id"]),
                               origin: .inferred, status: .suggested, confidence: 0.88)
        return catalog([orders, customers, refunds], relationships: [accepted, new])
    }()

    @Test func aChangeIsReportedPerSchemaWithWhoWroteEachText() throws {
        let diff = CatalogDiff(old: Self.before, new: Self.after)
        #expect(diff.schemasRemoved == ["shop.archive"])
        let sales = try #require(diff.schemas.first { $0.schema == "sales" })
        #expect(sales.tablesAdded.map(\.table) == ["refunds"])
        #expect(sales.columnsAdded.map(\.column) == ["billing_email"])
        #expect(sales.columnsRemoved.map(\.column) == ["note"])
        #expect(sales.columnsChanged.map { "\($0.column): \($0.changes.joined(separator: "; "))" }
                == ["id: type INTEGER → BIGINT", "customer_id: now not null"])
        #expect(sales.descriptions.map { "\($0.table).\($0.column ?? "") \($0.change.rawValue)" } == [
            "customers. stale", "orders. changed", "orders.amount approved", "orders.billing_email added", "refunds. added",
        ])
        #expect(sales.personalData.map { "\($0.column) \($0.oldKind ?? "-") → \($0.newKind ?? "-")" } == ["email - → email", "billing_email - → email"])
        #expect(diff.relationshipsAdded.map(\.from) == ["shop.sales.refunds(order_id)"])
        #expect(diff.relationshipsRemoved.map(\.origin) == ["documented"])
        #expect(diff.relationshipsDecided.map { "\($0.oldStatus ?? "") → \($0.status)" } == ["suggested → accepted"])
        #expect(diff.coverage.first?.scope == "" && diff.coverage.first?.oldTables == 3 && diff.coverage.first?.newTables == 3)
    }

    @Test func theMarkdownAndJSONReportsMatchTheirGoldenFiles() throws {
        let diff = CatalogDiff(old: Self.before, new: Self.after)
        let markdown = DiffMarkdown().render(diff, old: "main/catalog.json", new: "site/catalog.json")
        if let problem = Snapshot.mismatch(markdown, named: "diff.md") { Issue.record("\(problem)") }
        let json = String(decoding: try DiffJSON.encode(diff), as: UTF8.self)
        if let problem = Snapshot.mismatch(json, named: "diff.json") { Issue.record("\(problem)") }
        // Personal data comes first, under "Needs attention".
        let attention = try #require(markdown.range(of: "### Needs attention"))
        #expect(markdown[attention.upperBound...].drop { $0 == "\n" }.hasPrefix("- Personal data: `shop.sales.customers.email`"))
    }

    @Test func theSameCatalogsInAnotherOrderGiveTheSameReport() throws {
        var shuffled = Self.after
        shuffled.sources[0].schemas.reverse()
        for index in shuffled.sources[0].schemas.indices { shuffled.sources[0].schemas[index].tables.reverse() }
        shuffled.relationships.reverse()
        #expect(CatalogDiff(old: Self.before, new: shuffled) == CatalogDiff(old: Self.before, new: Self.after))
    }

    @Test func twoIdenticalCatalogsHaveNoDifference() {
        let diff = CatalogDiff(old: Self.after, new: Self.after)
        #expect(diff.isEmpty)
        #expect(DiffMarkdown().render(diff, old: "a", new: "b").contains("No change to tables"))
    }

    /// Names and texts can hold anything: nothing in them opens HTML, closes a section or breaks a code span.
    @Test func hostileNamesAndTextsStayText() {
        let name = "</details><img src=x onerror=alert(1)> `tick` ``two``"
        let old = Self.catalog([Table(id: Self.id(name), kind: .table, columns: [Self.column("a", 1)])])
        let new = Self.catalog([Table(id: Self.id(name), kind: .table, columns: [Self.column("a", 1)],
                                      description: Description(text: "<script>x</script>\n# heading *bold* | pipe", origin: .model))])
        let markdown = DiffMarkdown().render(CatalogDiff(old: old, new: new), old: "a", new: "b")
        #expect(markdown.contains("``` </details><img src=x onerror=alert(1)> `tick` ``two`` ```"), "fenced past the longest backtick run")
        #expect(markdown.contains("&lt;script&gt;x&lt;/script&gt; \\# heading \\*bold\\* \\| pipe"))
        // Outside code spans (which Markdown shows as text), no markup from the data is left.
        let prose = Self.withoutCodeSpans(markdown)
        #expect(!prose.contains("<img") && !prose.contains("<script"))
        #expect(prose.components(separatedBy: "</details>").count == prose.components(separatedBy: "<details>").count)
    }

    /// Markdown with every code span taken out: a run of n backticks up to the next run of exactly n.
    static func withoutCodeSpans(_ text: String) -> String {
        let characters = Array(text)
        var out = "", index = 0
        func run(at start: Int) -> Int {
            var end = start
            while end < characters.count, characters[end] == "`" { end += 1 }
            return end - start
        }
        while index < characters.count {
            guard characters[index] == "`" else { out.append(characters[index]); index += 1; continue }
            let fence = run(at: index)
            var search = index + fence, closed: Int?
            while search < characters.count {
                if characters[search] == "`" {
                    let length = run(at: search)
                    if length == fence { closed = search + length; break }
                    search += length
                } else {
                    search += 1
                }
            }
            guard let end = closed else { out += String(characters[index...]); break }
            index = end
        }
        return out
    }

    /// A change to 3,000 tables still fits a pull-request comment, and says what it left out.
    @Test func aHugeChangeIsCutToFitAComment() {
        let old = Self.catalog((0..<3000).map { Table(id: Self.id("t\($0)"), kind: .table, columns: [Self.column("a", 1)]) })
        let new = Self.catalog((0..<3000).map {
            Table(id: Self.id("t\($0)"), kind: .table, columns: [Self.column("a", 1, "INTEGER", Description(text: "Words for table \($0).", origin: .model))],
                  description: Description(text: "A table that holds the rows of the \($0)th kind.", origin: .model))
        })
        let markdown = DiffMarkdown().render(CatalogDiff(old: old, new: new), old: "a", new: "b")
        #expect(markdown.count <= DiffMarkdown.defaultLimit)
        #expect(markdown.contains("more lines cut to fit a comment"))
        #expect(markdown.hasSuffix("lists every change._\n"))
        #expect(markdown.components(separatedBy: "</details>").count == markdown.components(separatedBy: "<details>").count)
    }
}
